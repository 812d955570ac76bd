import Foundation

/// The registry's HTTP API as a client uses it.
struct RegistryClient: Sendable {
    let baseURL: String

    init(_ process: ServiceProcess) {
        baseURL = process.baseURL
    }

    /// `POST /communities`.
    func register(_ body: Data, idempotencyKey: String? = nil, headers: [String: String] = [:]) async throws -> HTTPAnswer {
        var fields = ["Content-Type": "application/json"]
        if let idempotencyKey { fields["Idempotency-Key"] = idempotencyKey }
        fields.merge(headers) { _, new in new }
        return try await HTTPClient.post("\(baseURL)/communities", body: body, headers: fields)
    }

    /// The id in a 200 or 201 answer.
    static func communityID(_ answer: HTTPAnswer) throws -> UUID {
        struct Registered: Decodable { let id: UUID }
        return try answer.json(Registered.self).id
    }

    /// Registers communities `range` of ``SampleCommunities``, `concurrency` requests at a
    /// time. Each request has an idempotency key and is sent again (with the same key) after
    /// an error or a 5xx answer, as a careful client does while the database restarts; returns
    /// the ids in the order of the range.
    func registerAll(_ range: Range<Int>, concurrency: Int = 8, prefix: String = "Community", runKey: String = UUID().uuidString)
        async throws -> [UUID]
    {
        var ids = [UUID?](repeating: nil, count: range.count)
        try await withThrowingTaskGroup(of: (Int, UUID).self) { group in
            var next = range.lowerBound
            func addNext() {
                guard next < range.upperBound else { return }
                let index = next
                next += 1
                group.addTask { (index, try await registerPersistently(index, prefix: prefix, key: "\(runKey)-\(index)")) }
            }
            for _ in 0..<concurrency { addNext() }
            while let (index, id) = try await group.next() {
                ids[index - range.lowerBound] = id
                addNext()
            }
        }
        return ids.compactMap { $0 }
    }

    private func registerPersistently(_ index: Int, prefix: String, key: String) async throws -> UUID {
        let deadline = ContinuousClock.now + .seconds(120)
        var last = ""
        while ContinuousClock.now < deadline {
            do {
                let answer = try await register(SampleCommunities.registration(index, prefix: prefix), idempotencyKey: key)
                if answer.status == 201 || answer.status == 200 { return try Self.communityID(answer) }
                last = "\(answer.status) \(answer.text)"
                guard answer.status >= 500 else { break }
            } catch {
                last = "\(error)"
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw TimedOut(description: "registering community \(index) failed: \(last)")
    }
}
