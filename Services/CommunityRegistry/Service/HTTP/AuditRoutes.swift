import Hummingbird
import ServiceKit

/// `GET /audit`: who changed whose personal data, when, and which fields, without the data.
struct AuditRoutes: ResourceRoutes {
    let trail: AuditTrail

    func add(to router: Router<BasicRequestContext>) {
        router.get("/audit") { request, _ in try await list(request) }
    }

    /// `GET /audit?limit=100&after=<entry id>`: the entries after that one, oldest first.
    func list(_ request: Request) async throws -> Response {
        let limit = try ReadModelPage.limit(request)
        var after: Int64?
        if let text = request.uri.queryParameters.get("after") {
            guard let value = Int64(text), value >= 0 else {
                throw ProblemDetails(
                    status: .badRequest, title: "Invalid cursor", detail: "after must be the id of an audit entry, a whole number",
                    invalidParams: [.init(name: "after", reason: "not a whole number")])
            }
            after = value
        }
        return try JSONBody.response(AuditPage(entries: try await trail.entries(after: after, limit: limit)))
    }

    struct AuditPage: Encodable {
        var entries: [AuditTrail.Entry]
    }
}
