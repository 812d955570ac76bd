import Contracts
import Foundation
import Hummingbird
import Postgres
import ServiceKit

/// `GET` and `PUT /participants/{id}/availability`: a volunteer's working hours and the
/// periods they cannot take part. A change moves the sessions it rules out.
struct ParticipantRoutes: ResourceRoutes {
    let store: ParticipantStore
    let programs: ProgramStore
    let postgres: PostgresClient

    func add(to router: Router<BasicRequestContext>) {
        router.get("/participants/:id/availability") { _, context in try await show(context: context) }
        router.put("/participants/:id/availability") { request, context in try await change(request, context: context) }
    }

    func show(context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a volunteer")
        guard let availability = try await store.availability(id) else {
            throw ProblemDetails.notFound("participant \(id.uuidString.lowercased())")
        }
        return try JSONBody.response(availability)
    }

    func change(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a volunteer")
        let body = try await JSONBody.decode(
            ParticipantStore.Availability.self, from: request, limit: 64 * 1024, describing: "a participant's availability")
        var invalid = WorkingHoursText.check(days: body.workingDays, from: body.workingFrom, to: body.workingTo, field: "working")
        invalid = invalid.map {
            .init(
                name: $0.name.replacingOccurrences(of: "working.days", with: "workingDays")
                    .replacingOccurrences(of: "working.from", with: "workingFrom").replacingOccurrences(
                        of: "working.to", with: "workingTo"), reason: $0.reason)
        }
        let checked = WorkingHoursText.periods(body.unavailable.map { (start: $0.start, end: $0.end) }, field: "unavailable")
        invalid += checked.invalid
        let periods = checked.intervals
        guard invalid.isEmpty, let from = WorkingHoursText.minutes(body.workingFrom), let to = WorkingHoursText.minutes(body.workingTo)
        else {
            throw ProblemDetails.invalid(
                InvalidInput("the availability cannot be set", invalidFields: invalid), title: "Invalid availability")
        }
        let found = try await postgres.withTransaction { connection in
            guard try await store.setAvailability(id, days: body.workingDays, from: from, to: to, unavailable: periods, on: connection)
            else {
                return false
            }
            try await programs.rescheduleConflicts(reason: "participant-unavailable", now: Date(), on: connection)
            return true
        }
        guard found, let availability = try await store.availability(id) else {
            throw ProblemDetails.notFound("participant \(id.uuidString.lowercased())")
        }
        return try JSONBody.response(availability)
    }
}
