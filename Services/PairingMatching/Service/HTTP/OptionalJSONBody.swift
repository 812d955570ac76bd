import Foundation
import Hummingbird
import ServiceKit

/// A JSON body that may be left out (`POST /proposals/{id}/confirmation` with nothing to add):
/// an empty body is `nil`; otherwise the same problems as ``JSONBody``: 415 for another content
/// type, 413 for a body over `limit` bytes, 400 for a body that is not JSON of `Value`'s shape.
enum OptionalJSONBody {
    static func decode<Value: Decodable>(_ type: Value.Type, from request: Request, limit: Int, describing what: String) async throws
        -> Value?
    {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch {
            throw ProblemDetails(status: .contentTooLarge, title: "Body too large", detail: "\(what) fits in \(limit / 1024) KiB.")
        }
        guard body.readableBytes > 0 else { return nil }
        if let contentType = request.headers[.contentType], !contentType.lowercased().hasPrefix("application/json") {
            throw ProblemDetails(
                status: .unsupportedMediaType, title: "Unsupported media type",
                detail: "Send \(what) as application/json, not \(contentType).")
        }
        do {
            return try JSONDecoder().decode(Value.self, from: Data(body.readableBytesView))
        } catch {
            throw ProblemDetails(
                status: .badRequest, title: "Malformed body", detail: "The body is not a JSON object of \(what): \(Self.describe(error))")
        }
    }

    /// The decoding error in words, with the path of the field it concerns.
    static func describe(_ error: Error) -> String {
        guard let decoding = error as? DecodingError else { return "it is not valid JSON" }
        switch decoding {
        case .typeMismatch(let type, let context):
            return "\(context.codingPath.map(\.stringValue).joined(separator: ".")) should be \(type)"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "it is not valid JSON" : "\(context.codingPath.map(\.stringValue).joined(separator: ".")) is not valid"
        case .keyNotFound(let key, _): return "missing \(key.stringValue)"
        case .valueNotFound(_, let context): return "\(context.codingPath.map(\.stringValue).joined(separator: ".")) is null"
        @unknown default: return "it does not have the expected shape"
        }
    }
}
