import ServiceKit

/// Who may use which of the matching service's routes. An Agency coordinator may use them all:
/// only they confirm, reject and release pairings and see joint teams (which name volunteers
/// with their languages and time zones) and the read model of the registry. An automated
/// workflow starts runs and reads them and their proposals; a partnership coordinator reads
/// runs and proposals (communities and scores, no person). An operator is granted nothing of
/// the domain.
enum MatchingAccess {
    static let readers: [AccessPolicy.Grant] = [.role(.partnershipCoordinator), .role(.automation)]

    static let policy = AccessPolicy([
        .init(.post, "/matching-runs", [.role(.automation)]),
        .init(.get, "/matching-runs", readers),
        .init(.get, "/matching-runs/{id}", readers),
        .init(.get, "/proposals/{id}", readers),
        .init(.post, "/workflows", [.role(.automation)]),
        .init(.get, "/workflows", readers),
        .init(.get, "/workflows/{id}", readers),
        .init(.post, "/workflows/{id}/skips", [.role(.automation)]),
    ])
}
