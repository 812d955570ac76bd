import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import ServiceKit

/// `GET` and `POST /partnerships/{id}/committees`, and
/// `POST /partnerships/{id}/committees/{committeeId}/members`: a partnership's joint steering
/// committee and subcommittees, and the volunteers' seats on them with their roles and terms.
struct CommitteeRoutes: ResourceRoutes {
    let store: CommitteeStore

    func add(to router: Router<BasicRequestContext>) {
        router.get("/partnerships/:id/committees") { request, context in try await list(request, context: context) }
        router.post("/partnerships/:id/committees") { request, context in try await form(request, context: context) }
        router.post("/partnerships/:id/committees/:committeeId/members") { request, context in
            try await seat(request, context: context)
        }
        router.post("/partnerships/:id/committees/:committeeId/departures") { request, context in
            try await endTerm(request, context: context)
        }
    }

    /// The committees with every seat ever held, or those held on `asOf`.
    func list(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a partnership")
        var asOf: CalendarDate?
        if let text = request.uri.queryParameters.get("asOf") {
            guard let date = CalendarDate(parsing: String(text)) else {
                throw ProblemDetails(
                    status: .badRequest, title: "Invalid asOf", detail: "asOf is a date such as 2021-06-01.",
                    invalidParams: [.init(name: "asOf", reason: "must be a date such as 2021-06-01")])
            }
            asOf = date
        }
        guard let committees = try await store.committees(of: id, asOf: asOf) else {
            throw ProblemDetails.notFound("partnership \(id.uuidString.lowercased())")
        }
        return try JSONBody.response(CommitteeList(committees: committees))
    }

    struct CommitteeList: Encodable {
        var committees: [Committee]
    }

    /// A subcommittee: 201; 409 when the partnership has one of that name.
    func form(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a partnership")
        let body = try await JSONBody.decode(CommitteeFormation.self, from: request, limit: 16 * 1024, describing: "a committee")
        let (name, names): (String, [String: String])
        switch body.validated() {
        case .success(let value): (name, names) = value
        case .failure(let invalid): throw ProblemDetails.invalid(invalid, title: "Invalid committee")
        }
        switch try await store.form(partnershipId: id, name: name, names: names) {
        case .formed(let committee):
            var response = try JSONBody.response(committee, status: .created)
            response.headers[.location] = "/partnerships/\(id.uuidString.lowercased())/committees"
            return response
        case .partnershipNotFound: throw ProblemDetails.notFound("partnership \(id.uuidString.lowercased())")
        case .nameTaken:
            throw ProblemDetails(
                status: .conflict, title: "Committee exists", detail: "The partnership has a committee named \(name) already.",
                invalidParams: [.init(name: "name", reason: "the partnership has a committee of this name")])
        }
    }

    /// A volunteer takes a seat for a term: 201 with the seat; 404 for an unknown partnership
    /// or committee; 422 for an unknown or erased volunteer, or one whose community is not in
    /// the partnership when the term starts; 409 for a second chair of a side at the same
    /// time, or a volunteer holding a seat on the committee then already.
    func seat(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a partnership")
        let committeeId = try context.parameters.uuid("committeeId", of: "a committee")
        let body = try await JSONBody.decode(SeatRequest.self, from: request, limit: 16 * 1024, describing: "a committee seat")
        let valid: ValidSeat
        switch body.validated() {
        case .success(let value): valid = value
        case .failure(let invalid): throw ProblemDetails.invalid(invalid, title: "Invalid seat")
        }
        return try Self.answer(
            try await store.seat(valid, partnershipId: id, committeeId: committeeId), partnership: id, committee: committeeId,
            status: .created)
    }

    /// A seat's term ends on `termEnd` (a volunteer stepping down, or a term given its end):
    /// 200 with the seat; 422 for an unknown seat or a day not after the term started, 409 for
    /// a day after the end the term has.
    func endTerm(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a partnership")
        let committeeId = try context.parameters.uuid("committeeId", of: "a committee")
        let body = try await JSONBody.decode(SeatEnding.self, from: request, limit: 16 * 1024, describing: "the end of a term")
        let (seatId, termEnd): (UUID, CalendarDate)
        switch body.validated() {
        case .success(let value): (seatId, termEnd) = value
        case .failure(let invalid): throw ProblemDetails.invalid(invalid, title: "Invalid end of term")
        }
        let outcome = try await store.endTerm(seatId: seatId, on: termEnd, partnershipId: id, committeeId: committeeId)
        return try Self.answer(outcome, partnership: id, committee: committeeId, status: .ok)
    }

    private static func answer(
        _ outcome: CommitteeStore.SeatingOutcome, partnership id: UUID, committee committeeId: UUID, status: HTTPResponse.Status
    )
        throws -> Response
    {
        switch outcome {
        case .seated(let seat): return try JSONBody.response(seat, status: status)
        case .committeeNotFound:
            throw ProblemDetails.notFound("committee \(committeeId.uuidString.lowercased()) of partnership \(id.uuidString.lowercased())")
        case .refused(.invalid(let invalid)): throw ProblemDetails.invalid(invalid, title: "Invalid seat")
        case .refused(.conflict(let conflict)):
            throw ProblemDetails(
                status: .conflict, title: "Contradicts the committee's seats",
                detail:
                    "\(conflict.subject.prefix(1).uppercased() + conflict.subject.dropFirst()): \(conflict.invalidFields.map(\.reason).joined(separator: "; ")).",
                invalidParams: conflict.invalidFields.map { .init(name: $0.name, reason: $0.reason) })
        }
    }
}
