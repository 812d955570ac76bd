import Foundation
import ServiceTestSupport
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// What an HTTP request answered.
struct HTTPAnswer: Sendable {
    let status: Int
    /// Header names in lower case.
    let headers: [String: String]
    let body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON value.
    func json<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try JSONDecoder().decode(type, from: body)
    }
}

/// Plain HTTP/1.1 requests to the services under test, as an Agency coordinator unless the
/// request carries an `Authorization` header of its own (an empty one sends none).
enum HTTPClient {
    private static let coordinator = Mutex<String?>(nil)

    /// `Bearer <token>` for an Agency coordinator, made once.
    static func coordinatorAuthorization() async throws -> String {
        if let made = coordinator.withLock({ $0 }) { return made }
        let made = try await TestTokens.coordinatorAuthorization()
        coordinator.withLock { $0 = made }
        return made
    }

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 30
        configuration.httpMaximumConnectionsPerHost = 16
        return URLSession(configuration: configuration)
    }()

    static func get(_ url: String, headers: [String: String] = [:]) async throws -> HTTPAnswer {
        try await send("GET", url, body: nil, headers: headers)
    }

    static func post(_ url: String, body: Data, headers: [String: String] = ["Content-Type": "application/json"]) async throws -> HTTPAnswer
    {
        try await send("POST", url, body: body, headers: headers)
    }

    static func send(_ method: String, _ url: String, body: Data?, headers: [String: String]) async throws -> HTTPAnswer {
        guard let address = URL(string: url) else { throw URLError(.badURL) }
        var request = URLRequest(url: address)
        request.httpMethod = method
        request.httpBody = body
        var headers = headers
        if headers["Authorization"] == nil {
            headers["Authorization"] = try await coordinatorAuthorization()
        }
        for (name, value) in headers where !value.isEmpty { request.setValue(value, forHTTPHeaderField: name) }
        // In a task of its own, which nothing cancels: Foundation's URLSession on Linux can
        // deadlock when the calling task is cancelled just as its request completes (the cancel
        // handler, holding the task's lock, waits for the session's queue, whose completion
        // waits for that lock). The session's 30 s timeout still bounds the request.
        let (data, response) = try await Task.detached { try await session.data(for: request) }.value
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name.lowercased()] = value }
        }
        return HTTPAnswer(status: http.statusCode, headers: fields, body: data)
    }
}
