import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The registry's HTTP API as `p2gctl import` and `export` call it. With a token, every
/// request carries `Authorization: Bearer <token>`.
public struct RegistryClient: Sendable {
    /// What the registry answered.
    public struct Answer: Sendable {
        public var status: Int
        public var body: Data

        /// The body as `Value`; an error naming what was asked when it is not.
        public func decode<Value: Decodable>(_ type: Value.Type, _ what: String) throws(OperatorError) -> Value {
            do {
                return try JSONDecoder().decode(Value.self, from: body)
            } catch {
                throw OperatorError("the registry's answer to \(what) is not what p2gctl expects (HTTP \(status)): \(error)")
            }
        }

        /// The problem the registry answered with, in one line.
        public var problem: String {
            if let problem = try? JSONDecoder().decode(RegistryWire.Problem.self, from: body) { return problem.summary }
            let text = String(decoding: body.prefix(200), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
            return text.isEmpty ? "HTTP \(status)" : "HTTP \(status): \(text)"
        }
    }

    public let baseURL: URL
    let token: String?
    let session: URLSession

    /// A client of the registry at `baseURL`, with at most `connections` requests in flight.
    public init(baseURL: URL, token: String?, connections: Int = 8, timeout: TimeInterval = 30) {
        self.baseURL = baseURL
        self.token = token
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = connections
        configuration.timeoutIntervalForRequest = timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration)
    }

    /// The request a call makes: JSON both ways, the token when there is one.
    func request(_ method: String, _ path: String, json: Data? = nil, idempotencyKey: String? = nil) throws(OperatorError) -> URLRequest {
        let base = baseURL.absoluteString.hasSuffix("/") ? String(baseURL.absoluteString.dropLast()) : baseURL.absoluteString
        guard let url = URL(string: base + path) else { throw OperatorError("cannot make a URL of \(base) and \(path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let idempotencyKey { request.setValue(idempotencyKey, forHTTPHeaderField: "Idempotency-Key") }
        if let json {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = json
        }
        return request
    }

    /// Sends a request. Throws when the registry cannot be reached, or refuses the caller
    /// (401, 403): nothing else would succeed either. Every other answer is returned. A request
    /// that is safe to repeat (a read, or a creation with an `Idempotency-Key`) is tried again
    /// twice, after 0.2 s and 1 s, when the registry failed (HTTP 500, 502, 503, 504) or did not
    /// answer: a database restarting under it ends the request it was in.
    public func send(_ method: String, _ path: String, json: Data? = nil, idempotencyKey: String? = nil) async throws(OperatorError)
        -> Answer
    {
        let request = try request(method, path, json: json, idempotencyKey: idempotencyKey)
        let pauses: [Duration] = method == "GET" || idempotencyKey != nil ? [.milliseconds(200), .seconds(1)] : []
        var attempt = 0
        while true {
            let answer: Answer
            do {
                let (data, response) = try await session.data(for: request)
                answer = Answer(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data)
            } catch {
                guard attempt < pauses.count else {
                    throw OperatorError(
                        "cannot reach the registry at \(baseURL.absoluteString) (\(method) \(path)): \(error.localizedDescription)")
                }
                try? await Task.sleep(for: pauses[attempt])
                attempt += 1
                continue
            }
            if [500, 502, 503, 504].contains(answer.status), attempt < pauses.count {
                try? await Task.sleep(for: pauses[attempt])
                attempt += 1
                continue
            }
            if answer.status == 401 || answer.status == 403 {
                throw OperatorError(
                    "the registry refused \(method) \(path) (HTTP \(answer.status): \(answer.problem)); give a token it accepts with --token or P2G_TOKEN"
                )
            }
            return answer
        }
    }

    /// Sends `body` as JSON.
    public func send<Body: Encodable>(_ method: String, _ path: String, body: Body, idempotencyKey: String? = nil)
        async throws(OperatorError)
        -> Answer
    {
        let json: Data
        do {
            json = try JSONEncoder().encode(body)
        } catch {
            throw OperatorError("cannot encode the body of \(method) \(path): \(error)")
        }
        return try await send(method, path, json: json, idempotencyKey: idempotencyKey)
    }

    /// `GET path`, decoded; an error unless the answer is 200.
    public func get<Value: Decodable>(_ path: String, as type: Value.Type) async throws(OperatorError) -> Value {
        let answer = try await send("GET", path)
        guard answer.status == 200 else { throw OperatorError("GET \(path): the registry answered \(answer.status): \(answer.problem)") }
        return try answer.decode(Value.self, "GET \(path)")
    }

    /// Every item of a paged list (`limit`, `after` the last id), page by page.
    public func all<Page: Decodable, Item>(
        _ path: String, page: Page.Type, items: (Page) -> [Item], id: (Item) -> String?
    ) async throws(OperatorError) -> [Item] {
        var collected: [Item] = []
        var after: String?
        while true {
            let page = try await get(path + "?limit=1000" + (after.map { "&after=\($0)" } ?? ""), as: Page.self)
            let batch = items(page)
            collected += batch
            guard batch.count == 1000, let last = batch.last.flatMap(id) else { return collected }
            after = last
        }
    }

    /// Closes the session's connections once the requests in flight are done.
    public func close() {
        session.finishTasksAndInvalidate()
    }
}
