import Hummingbird

/// A page of a service's read model, as `GET /communities` returns it: `{"total": n, "items": [...]}`.
public enum ReadModelPage {
    /// The `limit` query parameter: 1 to 1000, 100 by default.
    public static func limit(_ request: Request) throws -> Int {
        let text = request.uri.queryParameters.get("limit") ?? "100"
        guard let limit = Int(text), (1...1000).contains(limit) else {
            throw ProblemDetails(status: .badRequest, title: "Invalid limit", detail: "limit is a number from 1 to 1000, got '\(text)'.")
        }
        return limit
    }

    public static func response<Item: Encodable & Sendable>(total: Int, items: [Item]) throws -> Response {
        try JSONBody.response(Page(total: total, items: items))
    }
}

/// The JSON of a read-model page.
struct Page<Item: Encodable>: Encodable {
    var total: Int
    var items: [Item]
}
