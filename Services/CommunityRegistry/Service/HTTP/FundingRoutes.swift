import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import ServiceKit

/// Funding flows and pairings' commitments: `POST|GET /funding-flows`, `GET /funding-flows/{id}`,
/// `POST /funding-flows/{id}/transitions`, `POST /pairing-commitments` and
/// `GET /pairing-commitments/{id}`.
struct FundingRoutes: ResourceRoutes {
    let store: FundingStore
    let needs: NeedsStore

    func add(to router: Router<BasicRequestContext>) {
        router.post("/funding-flows") { request, _ in try await record(request) }
        router.get("/funding-flows") { request, _ in try await list(request) }
        router.get("/funding-flows/:id") { _, context in try await show(context: context) }
        router.post("/funding-flows/:id/transitions") { request, context in try await transition(request, context: context) }
        router.post("/pairing-commitments") { request, _ in try await recordPairing(request) }
        router.get("/pairing-commitments/:id") { request, context in try await showPairing(request, context: context) }
    }

    /// 201 with the flow and `Location`; 200 for an `Idempotency-Key` used before; 409 naming
    /// the item, its cost and what is committed by whom when a commitment would take it past
    /// its cost; 422 naming every invalid field.
    func record(_ request: Request) async throws -> Response {
        let input = try await JSONBody.decode(FundingFlowInput.self, from: request, limit: 16 * 1024, describing: "a funding flow")
        let idempotencyKey = try IdempotencyKey.of(request)
        let valid = try checked(input.validated(), title: "Invalid funding flow")
        try await CommunityScope.requireWrite(valid.communityId, store: needs)
        switch try await store.record(valid, idempotencyKey: idempotencyKey) {
        case .failure(let refusal): throw refusal.problem(title: "Cannot record the funding flow")
        case .success(let (flow, created)):
            var response = try JSONBody.response(flow, status: created ? .created : .ok)
            response.headers[.location] = "/funding-flows/\(flow.id.uuidString.lowercased())"
            return response
        }
    }

    struct FlowPage: Encodable {
        var total: Int
        var flows: [FundingFlow]
    }

    /// `GET /funding-flows?community=<id>&needItem=<id>&pairing=<id>&limit=100&after=<id>`.
    func list(_ request: Request) async throws -> Response {
        let limit = try ReadModelPage.limit(request)
        let after = try ListFilter.cursor(request)
        func id(_ name: String) throws -> UUID? {
            guard let text = request.uri.queryParameters.get(name) else { return nil }
            guard let id = UUID(uuidString: String(text)) else {
                throw ProblemDetails(
                    status: .badRequest, title: "Invalid \(name)", detail: "\(name) is an id (a UUID).",
                    invalidParams: [.init(name: name, reason: "is not an id (a UUID)")])
            }
            return id
        }
        let page = try await store.list(
            community: try id("community"), needItem: try id("needItem"), pairing: try id("pairing"), limit: limit, after: after)
        return try JSONBody.response(FlowPage(total: page.total, flows: page.flows))
    }

    func show(context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a funding flow")
        guard let flow = try await store.find(id: id) else { throw ProblemDetails.notFound("funding flow \(id.uuidString.lowercased())") }
        return try JSONBody.response(flow)
    }

    /// A pledge committed or a payment recorded: 200 with the flow and its history; 409 when
    /// the flow's status does not allow it, when a payment would exceed what is committed, or a
    /// commitment the item's cost.
    func transition(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a funding flow")
        let input = try await JSONBody.decode(FundingTransitionInput.self, from: request, limit: 4 * 1024, describing: "a change of status")
        guard let community = try await store.community(ofFlow: id) else {
            throw ProblemDetails.notFound("funding flow \(id.uuidString.lowercased())")
        }
        try await CommunityScope.requireWrite(community, store: needs)
        let valid = try checked(input.validated(), title: "Invalid change of status")
        switch try await store.transition(id, valid) {
        case .success(let flow): return try JSONBody.response(flow)
        case .failure(let refusal): throw refusal.problem(title: "Cannot change the funding flow")
        }
    }

    /// 201 with the pairing's commitment year by year; 200 when the pairing's commitment was
    /// recorded before with the same terms, 409 with other terms.
    func recordPairing(_ request: Request) async throws -> Response {
        let input = try await JSONBody.decode(
            PairingCommitmentInput.self, from: request, limit: 4 * 1024, describing: "a pairing's commitment")
        let valid = try checked(input.validated(), title: "Invalid pairing commitment")
        switch try await store.recordPairingCommitment(valid) {
        case .failure(let refusal): throw refusal.problem(title: "Cannot record the pairing's commitment")
        case .success(let (commitment, created)):
            var response = try JSONBody.response(commitment, status: created ? .created : .ok)
            response.headers[.location] = "/pairing-commitments/\(valid.pairingId.uuidString.lowercased())"
            return response
        }
    }

    /// `GET /pairing-commitments/{id}?asOf=2026-06-01`: each year promised, committed and paid,
    /// and whether it is met, short, running or not started on `asOf` (today by default).
    func showPairing(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a pairing")
        var asOf: CalendarDate?
        if let text = request.uri.queryParameters.get("asOf") {
            guard let date = CalendarDate(parsing: String(text)) else {
                throw ProblemDetails(
                    status: .badRequest, title: "Invalid asOf", detail: "asOf is a date such as 2026-06-01.",
                    invalidParams: [.init(name: "asOf", reason: "must be a date such as 2026-06-01")])
            }
            asOf = date
        }
        guard let commitment = try await store.pairingCommitment(id, asOf: asOf) else {
            throw ProblemDetails.notFound("pairing commitment \(id.uuidString.lowercased())")
        }
        return try JSONBody.response(commitment)
    }
}
