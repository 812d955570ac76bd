import Foundation
import ServiceKit

/// Who may use which of the scheduling service's routes. An Agency coordinator may use them
/// all. A partnership coordinator creates and reads the programs of their own partnerships,
/// with their registrations and calendars, and reads the venues. A volunteer reads programs,
/// registers and cancels themselves, and reads their own calendar (by the signed link sent to
/// them) and availability. A workflow uses the command `scheduling.schedule-meeting.v1`, not
/// these routes. The rules here decide by route; the routes check what depends on the program
/// or the body (``SchedulingAccess/requireProgram(partnership:)``).
enum SchedulingAccess {
    static let coordinators: [AccessPolicy.Grant] = [.role(.partnershipCoordinator)]
    static let coordinatorsAndVolunteers: [AccessPolicy.Grant] = [.role(.partnershipCoordinator), .role(.volunteer)]

    static let policy = AccessPolicy([
        .init(.post, "/programs", coordinators),
        .init(.get, "/programs", coordinators),
        .init(.get, "/programs/{id}", coordinatorsAndVolunteers),
        .init(.post, "/programs/{id}/registrations", coordinatorsAndVolunteers),
        .init(.get, "/programs/{id}/registrations", coordinatorsAndVolunteers),
        .init(.get, "/programs/{id}/registrations/{registrationId}", coordinatorsAndVolunteers),
        .init(.delete, "/programs/{id}/registrations/{registrationId}", coordinatorsAndVolunteers),
        .init(.get, "/venues", coordinators),
        .init(.get, "/venues/{id}", coordinators),
        .init(.get, "/participants/{id}/availability", [.volunteerThemself(parameter: "id")]),
        .init(.put, "/participants/{id}/availability", [.volunteerThemself(parameter: "id")]),
        .init(.get, "/calendars/participants/{id}", [.volunteerThemself(parameter: "id")]),
        .init(.get, "/calendars/programs/{id}", coordinators),
    ])

    static let forbidden = ProblemDetails(status: .forbidden, title: "Forbidden", detail: "the token does not grant this request")

    /// A partnership coordinator may act only on programs of the partnerships in their token.
    static func requireProgram(partnership: UUID?) throws {
        guard let caller = Caller.current, caller.role == .partnershipCoordinator else { return }
        guard let partnership, caller.partnerships.contains(partnership) else { throw forbidden }
    }

    /// A volunteer may act only for themself.
    static func requireSelf(volunteer: UUID?) throws {
        guard let caller = Caller.current, caller.role == .volunteer else { return }
        guard let volunteer, caller.volunteer == volunteer else { throw forbidden }
    }
}
