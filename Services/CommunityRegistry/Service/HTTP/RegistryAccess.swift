import ServiceKit

/// Who may use which of the registry's routes. An Agency coordinator may use them all; a
/// partnership coordinator writes to their own partnerships only and reads the communities and
/// partnerships, and the volunteers of their own partnerships (`GET /volunteers?partnership=`); a volunteer sees, changes and may erase their
/// own profile; a workflow registers communities and reads them; an operator reads the audit
/// trail, which names fields but holds no personal data, and nothing else of the domain.
/// Needs assessments, road maps and funding flows are written by partnership coordinators for
/// the communities of their own partnerships and read by them and by workflows.
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
        // Needs, road maps and funding: partnership coordinators write for the communities of
        // their own partnerships (CommunityScope decides per community); acceptance of an
        // assessment and a pairing's commitment are the Agency's.
        .init(.get, "/need-sectors", readers),
        .init(.post, "/need-sectors", [.role(.partnershipCoordinator)]),
        .init(.get, "/communities/{id}/needs-assessments", readers),
        .init(.post, "/communities/{id}/needs-assessments", [.role(.partnershipCoordinator)]),
        .init(.get, "/needs-assessments/{id}", readers),
        .init(.get, "/needs-assessments/{id}/diff", readers),
        .init(.post, "/needs-assessments/{id}/submission", [.role(.partnershipCoordinator)]),
        .init(.get, "/communities/{id}/road-map", readers),
        .init(.post, "/communities/{id}/milestones", [.role(.partnershipCoordinator)]),
        .init(.post, "/milestones/{id}/status", [.role(.partnershipCoordinator)]),
        .init(.get, "/funding-flows", readers),
        .init(.get, "/funding-flows/{id}", readers),
        .init(.post, "/funding-flows", [.role(.partnershipCoordinator)]),
        .init(.post, "/funding-flows/{id}/transitions", [.role(.partnershipCoordinator)]),
        .init(.get, "/pairing-commitments/{id}", readers),
        .init(.get, "/reports/**", readers),
    ])
}
