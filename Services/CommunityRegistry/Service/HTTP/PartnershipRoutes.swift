import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import ServiceKit

/// `POST /partnerships`, `GET /partnerships`, `GET /partnerships/{id}`, `POST /partnerships/{id}/members` and
/// `POST /partnerships/{id}/departures`.
struct PartnershipRoutes: ResourceRoutes {
    let store: PartnershipStore
    /// Larger bodies are refused with 413: a partnership names a few dozen communities at most.
    static let maximumBodySize = 256 * 1024

    func add(to router: Router<BasicRequestContext>) {
        router.post("/partnerships") { request, _ in try await form(request) }
        router.get("/partnerships") { request, _ in try await list(request) }
        router.get("/partnerships/:id") { request, context in try await show(request, context: context) }
        router.post("/partnerships/:id/members") { request, context in try await join(request, context: context) }
        router.post("/partnerships/:id/departures") { request, context in try await leave(request, context: context) }
    }

    /// Forms a partnership with its first communities: 201 with its history and `Location`;
    /// with an `Idempotency-Key` used before, 200 with what that key formed; 422 naming every
    /// invalid field, unknown communities among them. Nothing is stored unless all is valid.
    func form(_ request: Request) async throws -> Response {
        let formation = try await JSONBody.decode(
            PartnershipFormation.self, from: request, limit: Self.maximumBodySize, describing: "a partnership")
        let idempotencyKey = try IdempotencyKey.of(request)
        let known = try await store.communities(formation.namedCommunities)
        let valid: ValidFormation
        switch formation.validated(knowing: known) {
        case .success(let value): valid = value
        case .failure(let invalid): throw ProblemDetails.invalid(invalid, title: "Invalid partnership")
        }
        let (partnership, created) = try await store.form(valid, idempotencyKey: idempotencyKey)
        var response = try JSONBody.response(partnership, status: created ? .created : .ok)
        response.headers[.location] = "/partnerships/\(partnership.id.uuidString.lowercased())"
        return response
    }

    /// `GET /partnerships?limit=100&after=<id>&community=<id>...`: a page of the partnerships that
    /// pass the filter, in the order they were recorded, with how many pass it.
    func list(_ request: Request) async throws -> Response {
        let limit = try ReadModelPage.limit(request)
        let after = try ListFilter.cursor(request)
        let page = try await store.list(limit: limit, after: after, filter: try ListFilter(request))
        return try JSONBody.response(PartnershipPage(total: page.total, partnerships: page.partnerships))
    }

    struct PartnershipPage: Encodable {
        var total: Int
        var partnerships: [PartnershipSummary]
    }

    /// The partnership with every stay of its communities, or with its members on `asOf`.
    func show(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a partnership")
        var asOf: CalendarDate?
        if let text = request.uri.queryParameters.get("asOf") {
            guard let date = CalendarDate(parsing: String(text)) else {
                throw ProblemDetails(
                    status: .badRequest, title: "Invalid asOf", detail: "asOf is a date such as 2012-09-01.",
                    invalidParams: [.init(name: "asOf", reason: "must be a date such as 2012-09-01")])
            }
            asOf = date
        }
        guard let partnership = try await store.find(id: id, asOf: asOf) else {
            throw ProblemDetails.notFound("partnership \(id.uuidString.lowercased())")
        }
        return try JSONBody.response(partnership)
    }

    /// A community joins: 201 with its new stay; 404 for an unknown partnership, 422 for an
    /// unknown community or a day before the partnership was formed, 409 when the community
    /// is a member then already.
    func join(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a partnership")
        let body = try await JSONBody.decode(MembershipRequest.self, from: request, limit: 16 * 1024, describing: "a joining community")
        let (communityId, date) = try Self.checked(body.validated(dateField: "joinedOn"))
        let outcome = try await store.join(partnershipId: id, communityId: communityId, on: date)
        var response = try Self.answer(outcome, partnership: id, status: .created)
        response.headers[.location] = "/partnerships/\(id.uuidString.lowercased())"
        return response
    }

    /// A member's current stay ends on `leftOn`: 200 with the ended stay; 422 for a day not
    /// after it joined, 409 when the community is not a member now.
    func leave(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a partnership")
        let body = try await JSONBody.decode(MembershipRequest.self, from: request, limit: 16 * 1024, describing: "a departure")
        let (communityId, date) = try Self.checked(body.validated(dateField: "leftOn"))
        return try Self.answer(try await store.leave(partnershipId: id, communityId: communityId, on: date), partnership: id, status: .ok)
    }

    private static func checked<Value>(_ result: Result<Value, InvalidInput>) throws -> Value {
        switch result {
        case .success(let value): return value
        case .failure(let invalid): throw ProblemDetails.invalid(invalid, title: "Invalid membership")
        }
    }

    private static func answer(_ outcome: PartnershipStore.MembershipOutcome, partnership id: UUID, status: HTTPResponse.Status) throws
        -> Response
    {
        switch outcome {
        case .done(let membership): return try JSONBody.response(membership, status: status)
        case .partnershipNotFound: throw ProblemDetails.notFound("partnership \(id.uuidString.lowercased())")
        case .refused(.invalid(let invalid)): throw ProblemDetails.invalid(invalid, title: "Invalid membership")
        case .refused(.conflict(let conflict)):
            throw ProblemDetails(
                status: .conflict, title: "Contradicts the partnership's history",
                detail:
                    "\(conflict.subject.prefix(1).uppercased() + conflict.subject.dropFirst()): \(conflict.invalidFields.map(\.reason).joined(separator: "; ")).",
                invalidParams: conflict.invalidFields.map { .init(name: $0.name, reason: $0.reason) })
        }
    }
}
