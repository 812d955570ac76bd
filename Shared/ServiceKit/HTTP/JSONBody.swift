import Contracts
import Foundation
import HTTPTypes
import Hummingbird

/// The one way a service reads a JSON request body and writes a JSON response: content type,
/// body size and decoding failures become RFC 9457 problems here, not in each route.
public enum JSONBody {
    /// Reads the request's body as `Value`. 415 for a content type other than JSON, 413 for a
    /// body over `limit` bytes, 400 for a body that is not JSON of `Value`'s shape, naming
    /// `what` was expected ("a community") and where the body went wrong.
    public static func decode<Value: Decodable>(
        _ type: Value.Type, from request: Request, limit: Int, describing what: String
    ) async throws -> Value {
        if let contentType = request.headers[.contentType], !contentType.lowercased().hasPrefix("application/json") {
            throw ProblemDetails(
                status: .unsupportedMediaType, title: "Unsupported media type",
                detail: "Send \(what) as application/json, not \(contentType).")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch {
            throw ProblemDetails(
                status: .contentTooLarge, title: "Body too large", detail: "\(what.capitalizedFirst) fits in \(limit / 1024) KiB.")
        }
        do {
            return try JSONDecoder().decode(Value.self, from: Data(body.readableBytesView))
        } catch {
            throw ProblemDetails(
                status: .badRequest, title: "Malformed body", detail: "The body is not a JSON object of \(what): \(describe(error))")
        }
    }

    /// A JSON response in the contract's coding (camelCase, lower-case UUIDs, RFC 3339 instants).
    public static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let body = try ContractCoding.encode(value)
        return Response(
            status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// A decoding error in words, with the path of the field it concerns.
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

extension String {
    /// "a community" → "A community".
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
