import ServiceKit

/// Who may use which of the registry's routes. An Agency coordinator may use them all; a
/// partnership coordinator writes to their own partnerships only and reads the communities and
/// partnerships, and the volunteers of their own partnerships (`GET /volunteers?partnership=`); a volunteer sees, changes and may erase their
/// own profile; a workflow registers communities and reads them; an operator reads the audit
/// trail, which names fields but holds no personal data, and nothing else of the domain.
enum RegistryAccess {
    static let readers: [AccessPolicy.Grant] = [.role(.partnershipCoordinator), .role(.automation)]
    static let coordinatorOfPartnership: [AccessPolicy.Grant] = [.coordinatorOfPartnership(parameter: "id")]

    static let policy = AccessPolicy([
        .init(.get, "/communities", readers),
        .init(.get, "/communities/{id}", readers),
        .init(.post, "/communities", [.role(.automation)]),
        .init(.get, "/partnerships", readers),
        .init(.get, "/partnerships/{id}", readers),
        .init(.get, "/partnerships/{id}/committees", readers),
        .init(.post, "/partnerships/{id}/members", coordinatorOfPartnership),
        .init(.post, "/partnerships/{id}/departures", coordinatorOfPartnership),
        .init(.post, "/partnerships/{id}/committees", coordinatorOfPartnership),
        .init(.post, "/partnerships/{id}/committees/**", coordinatorOfPartnership),
        .init(.get, "/volunteers", [.role(.partnershipCoordinator)]),
        .init(.get, "/volunteers/{id}", [.volunteerThemself(parameter: "id")]),
        .init(.patch, "/volunteers/{id}", [.volunteerThemself(parameter: "id")]),
        .init(.delete, "/volunteers/{id}", [.volunteerThemself(parameter: "id")]),
        .init(.get, "/audit", [.role(.operator)]),
    ])
}
