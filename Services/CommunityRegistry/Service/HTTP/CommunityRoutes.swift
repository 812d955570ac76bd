import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import ServiceKit

/// `POST /communities`, `GET /communities/{id}`, `PATCH /communities/{id}` and `GET /communities`.
struct CommunityRoutes: ResourceRoutes {
    let store: CommunityStore
    /// Larger bodies are refused with 413.
    static let maximumBodySize = 64 * 1024

    func add(to router: Router<BasicRequestContext>) {
        router.post("/communities") { request, _ in try await register(request) }
        router.get("/communities/:id") { _, context in try await show(context: context) }
        router.patch("/communities/:id") { request, context in try await change(request, context: context) }
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
        case .failure(let rejected): throw ProblemDetails.invalid(rejected, title: "Invalid community")
        }
        let idempotencyKey = try IdempotencyKey.of(request)
        let (community, created) = try await store.register(valid, idempotencyKey: idempotencyKey)
        var response = try Self.response(community, status: created ? .created : .ok)
        response.headers[.location] = "/communities/\(community.id.uuidString.lowercased())"
        return response
    }

    func show(context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a community")
        guard let community = try await store.find(id: id) else { throw ProblemDetails.notFound("community \(id.uuidString.lowercased())") }
        return try Self.response(community)
    }

    /// Changes a community from the version named in `If-Match`: 200 with the community and its
    /// new `ETag`; 428 without `If-Match`, 412 when the community has changed since, 422 naming
    /// every invalid field. A change that sets what is already there changes nothing.
    func change(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.uuid("id", of: "a community")
        let versions = try EntityTag.requiredVersions(request, of: "a community")
        let change = try await JSONBody.decode(
            CommunityChange.self, from: request, limit: Self.maximumBodySize, describing: "a change of a community")
        switch try await store.update(id: id, expectedVersions: versions, change: change) {
        case .updated(let community, _): return try Self.response(community)
        case .notFound: throw ProblemDetails.notFound("community \(id.uuidString.lowercased())")
        case .stale(let current): throw EntityTag.stale("the community", current: current.version)
        case .invalid(let invalid): throw ProblemDetails.invalid(invalid, title: "Invalid change")
        }
    }

    /// The community as JSON, with its version as `ETag`.
    static func response(_ community: Community, status: HTTPResponse.Status = .ok) throws -> Response {
        var response = try JSONBody.response(community, status: status)
        response.headers[.eTag] = EntityTag.of(version: community.version)
        return response
    }

    /// `GET /communities?limit=100&after=<id>&name=...`: a page in registration order of the
    /// communities that pass the filter (``ListFilter``), with how many pass it.
    func list(_ request: Request) async throws -> Response {
        let limit = try ReadModelPage.limit(request)
        let after = try ListFilter.cursor(request)
        let filter = try ListFilter(request)
        let page = try await store.list(limit: limit, after: after, filter: filter)
        return try JSONBody.response(CommunityPage(total: page.total, communities: page.communities))
    }

    struct CommunityPage: Encodable {
        var total: Int
        var communities: [Community]
    }
}
