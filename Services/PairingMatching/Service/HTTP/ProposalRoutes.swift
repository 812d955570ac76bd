import Contracts
import Foundation
import Hummingbird
import ServiceKit

/// `GET /proposals/{id}`, the decisions `POST /proposals/{id}/confirmation`, `/rejection` and
/// `/release`, and `GET /proposals/{id}/joint-team`.
struct ProposalRoutes: ResourceRoutes {
    let proposals: ProposalStore
    let teams: JointTeamStore
    static let maximumBodySize = 16 * 1024

    func add(to router: Router<BasicRequestContext>) {
        router.get("/proposals/:id") { _, context in try await show(context: context) }
        router.post("/proposals/:id/confirmation") { request, context in try await confirm(request, context: context) }
        router.post("/proposals/:id/rejection") { request, context in try await reject(request, context: context) }
        router.post("/proposals/:id/release") { _, context in try await release(context: context) }
        router.get("/proposals/:id/joint-team") { _, context in try await team(context: context) }
    }

    func show(context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a proposal")
        guard let proposal = try await proposals.find(id: id) else {
            throw ProblemDetails.notFound("proposal \(id.uuidString.lowercased())")
        }
        return try JSONBody.response(proposal)
    }

    func confirm(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a proposal")
        let body =
            try await OptionalJSONBody.decode(
                ConfirmationRequest.self, from: request, limit: Self.maximumBodySize, describing: "a confirmation") ?? ConfirmationRequest()
        return try respond(try await proposals.confirm(id: id, request: body, by: subject()), id: id, title: "Invalid confirmation")
    }

    func reject(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a proposal")
        let body =
            try await OptionalJSONBody.decode(RejectionRequest.self, from: request, limit: Self.maximumBodySize, describing: "a rejection")
            ?? RejectionRequest()
        let reason: String?
        switch body.validated() {
        case .success(let value): reason = value
        case .failure(let invalid): throw ProblemDetails.invalid(invalid, title: "Invalid rejection")
        }
        return try respond(try await proposals.reject(id: id, reason: reason, by: subject()), id: id, title: "Invalid rejection")
    }

    func release(context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a proposal")
        return try respond(try await proposals.release(id: id, by: subject()), id: id, title: "Invalid release")
    }

    func team(context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a proposal")
        guard let team = try await teams.find(pairing: id) else {
            throw ProblemDetails.notFound("a joint team of proposal \(id.uuidString.lowercased()) (only a confirmed pairing has one)")
        }
        return try JSONBody.response(team)
    }

    private func respond(_ decision: ProposalStore.Decision, id: UUID, title: String) throws -> Response {
        switch decision {
        case .decided(let proposal): return try JSONBody.response(proposal)
        case .notFound: throw ProblemDetails.notFound("proposal \(id.uuidString.lowercased())")
        case .conflict(let detail): throw ProblemDetails.conflict(detail)
        case .invalid(let invalid): throw ProblemDetails.invalid(invalid, title: title)
        }
    }

    private func subject() -> String { Caller.current?.subject ?? "unknown" }
}
