import Foundation
import HTTPTypes
import Hummingbird

/// An HTTP error as RFC 9457 problem details (`application/problem+json`): what went wrong in
/// a sentence a caller can act on, and for invalid input, which fields and why.
public struct ProblemDetails: HTTPResponseError, Encodable, Sendable {
    public var status: HTTPResponse.Status
    /// A short, stable summary of the problem type, e.g. "Invalid community".
    public var title: String
    /// This occurrence, e.g. "timeZone 'Mars/Olympus' is not an IANA time zone".
    public var detail: String
    /// Field-level problems for invalid input.
    public var invalidParams: [InvalidParam]

    /// One field that is wrong and why.
    public struct InvalidParam: Encodable, Sendable, Equatable {
        /// The field's JSON path, e.g. `coordinates.latitude`.
        public var name: String
        public var reason: String

        public init(name: String, reason: String) {
            self.name = name
            self.reason = reason
        }
    }

    public init(status: HTTPResponse.Status, title: String, detail: String, invalidParams: [InvalidParam] = []) {
        self.status = status
        self.title = title
        self.detail = detail
        self.invalidParams = invalidParams
    }

    enum CodingKeys: String, CodingKey {
        case type, title, status, detail
        case invalidParams = "invalid-params"
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("about:blank", forKey: .type)
        try container.encode(title, forKey: .title)
        try container.encode(status.code, forKey: .status)
        try container.encode(detail, forKey: .detail)
        if !invalidParams.isEmpty { try container.encode(invalidParams, forKey: .invalidParams) }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = try encoder.encode(self)
        return Response(
            status: status, headers: [.contentType: "application/problem+json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// A resource that does not exist.
    public static func notFound(_ what: String) -> ProblemDetails {
        ProblemDetails(status: .notFound, title: "Not found", detail: "\(what) does not exist")
    }
}
