import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import ServiceKit

/// `POST /communities`, `GET /communities/{id}` and `GET /communities`.
struct CommunityRoutes: Sendable {
    let store: CommunityStore
    /// Larger bodies are refused with 413.
    static let maximumBodySize = 64 * 1024

    func add(to router: Router<BasicRequestContext>) {
        router.post("/communities") { request, context in try await register(request, context: context) }
        router.get("/communities/:id") { _, context in try await show(context: context) }
        router.get("/communities") { request, _ in try await list(request) }
    }

    /// Registers a community. 201 with its representation and `Location`; with an
    /// `Idempotency-Key` used before, 200 with the community that key created; 400 for a body
    /// that is not JSON, 415 for another content type, 422 with every invalid field.
    func register(_ request: Request, context: BasicRequestContext) async throws -> Response {
        if let contentType = request.headers[.contentType], !contentType.lowercased().hasPrefix("application/json") {
            throw ProblemDetails(
                status: .unsupportedMediaType, title: "Unsupported media type",
                detail: "Send the community as application/json, not \(contentType).")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: Self.maximumBodySize)
        } catch {
            throw ProblemDetails(
                status: .contentTooLarge, title: "Body too large", detail: "A community fits in \(Self.maximumBodySize / 1024) KiB.")
        }
        let registration: CommunityRegistration
        do {
            registration = try JSONDecoder().decode(CommunityRegistration.self, from: Data(body.readableBytesView))
        } catch {
            throw ProblemDetails(status: .badRequest, title: "Malformed body", detail: "The body is not a JSON object of a community: \(Self.describe(error))")
        }
        let valid: ValidRegistration
        switch registration.validated() {
        case .success(let value): valid = value
        case .failure(let problem): throw problem
        }
        let idempotencyKey = request.headers[.idempotencyKey]
        if let idempotencyKey, idempotencyKey.isEmpty || idempotencyKey.count > 200 {
            throw ProblemDetails(status: .badRequest, title: "Invalid Idempotency-Key", detail: "An Idempotency-Key has 1 to 200 characters.")
        }
        let (community, created) = try await store.register(valid, idempotencyKey: idempotencyKey)
        var response = try Self.json(community, status: created ? .created : .ok)
        response.headers[.location] = "/communities/\(community.id.uuidString.lowercased())"
        return response
    }

    func show(context: BasicRequestContext) async throws -> Response {
        let text = context.parameters.get("id") ?? ""
        guard let id = UUID(uuidString: text) else {
            throw ProblemDetails(status: .badRequest, title: "Invalid id", detail: "'\(text)' is not a community id (a UUID).")
        }
        guard let community = try await store.find(id: id) else { throw ProblemDetails.notFound("community \(text)") }
        return try Self.json(community, status: .ok)
    }

    /// `GET /communities?limit=100&after=<id>`: a page in registration order, with the total.
    func list(_ request: Request) async throws -> Response {
        let limitText = request.uri.queryParameters.get("limit") ?? "100"
        guard let limit = Int(limitText), (1...1000).contains(limit) else {
            throw ProblemDetails(status: .badRequest, title: "Invalid limit", detail: "limit is a number from 1 to 1000, got '\(limitText)'.")
        }
        var after: UUID?
        if let afterText = request.uri.queryParameters.get("after") {
            guard let id = UUID(uuidString: afterText) else {
                throw ProblemDetails(status: .badRequest, title: "Invalid cursor", detail: "after is a community id, got '\(afterText)'.")
            }
            after = id
        }
        let page = try await store.list(limit: limit, after: after)
        return try Self.json(CommunityPage(total: page.total, communities: page.communities), status: .ok)
    }

    struct CommunityPage: Encodable {
        var total: Int
        var communities: [Community]
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status) throws -> Response {
        let body = try ContractCoding.encode(value)
        return Response(status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func describe(_ error: Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        switch decoding {
        case .typeMismatch(let type, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "\(path.isEmpty ? "the body" : path) should be \(type)"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "it is not valid JSON" : context.debugDescription
        case .keyNotFound(let key, _): return "missing \(key.stringValue)"
        case .valueNotFound(_, let context): return "\(context.codingPath.map(\.stringValue).joined(separator: ".")) is null"
        @unknown default: return "\(decoding)"
        }
    }
}

extension HTTPField.Name {
    static let idempotencyKey: HTTPField.Name = {
        guard let name = HTTPField.Name("Idempotency-Key") else { preconditionFailure("Idempotency-Key is a valid field name") }
        return name
    }()
}
