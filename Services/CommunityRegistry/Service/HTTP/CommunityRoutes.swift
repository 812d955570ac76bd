import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import ServiceKit

/// `POST /communities`, `GET /communities/{id}` and `GET /communities`.
struct CommunityRoutes: ResourceRoutes {
    let store: CommunityStore
    /// Larger bodies are refused with 413.
    static let maximumBodySize = 64 * 1024

    func add(to router: Router<BasicRequestContext>) {
        router.post("/communities") { request, _ in try await register(request) }
        router.get("/communities/:id") { _, context in try await show(context: context) }
        router.get("/communities") { request, _ in try await list(request) }
    }

    /// Registers a community. 201 with its representation and `Location`; with an
    /// `Idempotency-Key` used before, 200 with the community that key created; 400 for a body
    /// that is not JSON, 415 for another content type, 422 with every invalid field.
    func register(_ request: Request) async throws -> Response {
        let registration = try await JSONBody.decode(
            CommunityRegistration.self, from: request, limit: Self.maximumBodySize, describing: "a community")
        let valid: ValidRegistration
        switch registration.validated() {
        case .success(let value): valid = value
        case .failure(let rejected): throw Self.problem(rejected)
        }
        let idempotencyKey = request.headers[.idempotencyKey]
        if let idempotencyKey, idempotencyKey.isEmpty || idempotencyKey.count > 200 {
            throw ProblemDetails(
                status: .badRequest, title: "Invalid Idempotency-Key", detail: "An Idempotency-Key has 1 to 200 characters.")
        }
        let (community, created) = try await store.register(valid, idempotencyKey: idempotencyKey)
        var response = try JSONBody.response(community, status: created ? .created : .ok)
        response.headers[.location] = "/communities/\(community.id.uuidString.lowercased())"
        return response
    }

    /// 422 naming every invalid field.
    static func problem(_ rejected: RegistrationRejected) -> ProblemDetails {
        ProblemDetails(
            status: .unprocessableContent, title: "Invalid community",
            detail: "The community cannot be registered: check \(rejected.invalidFields.map(\.name).joined(separator: ", ")).",
            invalidParams: rejected.invalidFields.map { .init(name: $0.name, reason: $0.reason) })
    }

    func show(context: BasicRequestContext) async throws -> Response {
        let text = context.parameters.get("id") ?? ""
        guard let id = UUID(uuidString: text) else {
            throw ProblemDetails(status: .badRequest, title: "Invalid id", detail: "'\(text)' is not a community id (a UUID).")
        }
        guard let community = try await store.find(id: id) else { throw ProblemDetails.notFound("community \(text)") }
        return try JSONBody.response(community)
    }

    /// `GET /communities?limit=100&after=<id>`: a page in registration order, with the total.
    func list(_ request: Request) async throws -> Response {
        let limit = try ReadModelPage.limit(request)
        var after: UUID?
        if let afterText = request.uri.queryParameters.get("after") {
            guard let id = UUID(uuidString: afterText) else {
                throw ProblemDetails(status: .badRequest, title: "Invalid cursor", detail: "after is a community id, got '\(afterText)'.")
            }
            after = id
        }
        let page = try await store.list(limit: limit, after: after)
        return try JSONBody.response(CommunityPage(total: page.total, communities: page.communities))
    }

    struct CommunityPage: Encodable {
        var total: Int
        var communities: [Community]
    }
}

extension HTTPField.Name {
    static let idempotencyKey: HTTPField.Name = {
        guard let name = HTTPField.Name("Idempotency-Key") else { preconditionFailure("Idempotency-Key is a valid field name") }
        return name
    }()
}
