import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// One request to the service in-process and what it answered, read as a user would read it.
struct HTTPExchange {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: String

    /// The body as a JSON object.
    func object() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any], "not a JSON object: \(body)")
    }

    /// The names of the fields an RFC 9457 problem says are invalid.
    func invalidFields() throws -> [String] {
        let params = try #require(try object()["invalid-params"] as? [[String: Any]], "no invalid-params in \(body)")
        return params.compactMap { $0["name"] as? String }
    }

    /// The body decoded as `Value`, with the contract's coding.
    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(body.utf8))
    }
}

extension TestClientProtocol {
    /// Sends `json` (or nothing) to `uri` and collects the answer.
    func send(_ method: HTTPRequest.Method, _ uri: String, json: String? = nil, headers: HTTPFields = [:]) async throws -> HTTPExchange {
        var headers = headers
        if json != nil, headers[.contentType] == nil { headers[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) }) { response in
            HTTPExchange(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
    }

    /// Sends an encodable body as JSON.
    func send(_ method: HTTPRequest.Method, _ uri: String, body: some Encodable, headers: HTTPFields = [:]) async throws -> HTTPExchange {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try await send(method, uri, json: String(decoding: try encoder.encode(body), as: UTF8.self), headers: headers)
    }
}
