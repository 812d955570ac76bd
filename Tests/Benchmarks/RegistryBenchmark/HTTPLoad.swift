import Foundation
import TestSupport

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Requests per second against one server: with wrk when it is installed, else with a
/// concurrent client of this process, labelled as such.
struct HTTPLoad: Sendable {
    var seconds: Int
    var connections: Int
    /// Sent with every request (`Bearer <token>`): the registry's routes need a token, and the
    /// constant route gets the same header, so that both requests are the same size.
    var authorization: String

    static let wrk: String? = ["/usr/bin/wrk", "/usr/local/bin/wrk"].first { FileManager.default.isExecutableFile(atPath: $0) }

    func describe() -> String {
        if Self.wrk != nil { return "wrk, 2 threads, \(connections) connections" }
        return
            "wrk is not installed (apt-get install wrk); measured with this process's own URLSession client instead, \(connections) requests in flight"
    }

    /// The rate, and a note of failed answers when there were any.
    func run(port: Int, paths: [String]) async throws -> (rate: Double, note: String) {
        guard let wrk = Self.wrk else { return try await ownClient(port: port, paths: paths) }
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("registry-benchmark-\(UUID().uuidString).lua")
        defer { try? FileManager.default.removeItem(at: script) }
        let list = paths.map { "\"\($0)\"" }.joined(separator: ",")
        try """
        local paths = {\(list)}
        local i = 0
        request = function()
          i = i + 1
          return wrk.format("GET", paths[(i % #paths) + 1], {["Authorization"] = "\(authorization)"})
        end
        """.write(to: script, atomically: true, encoding: .utf8)
        let result = try await ChildProcess.run([
            wrk, "-t2", "-c\(connections)", "-d\(seconds)s", "-s", script.path, "http://127.0.0.1:\(port)",
        ])
        guard result.status == 0, let line = result.output.split(separator: "\n").first(where: { $0.hasPrefix("Requests/sec:") }),
            let rate = Double(line.dropFirst("Requests/sec:".count).trimmingCharacters(in: .whitespaces))
        else { throw BenchmarkFailure("wrk did not report a rate: \(result.output)") }
        let failed = result.output.split(separator: "\n").first { $0.contains("Non-2xx") }
        return (rate, failed.map { " (\($0.trimmingCharacters(in: .whitespaces)))" } ?? "")
    }

    /// `connections` loops of requests for `seconds`, counting the 200s.
    func ownClient(port: Int, paths: [String]) async throws -> (rate: Double, note: String) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = connections
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let deadline = ContinuousClock.now + .seconds(seconds)
        let started = ContinuousClock.now
        let counts = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            for worker in 0..<connections {
                group.addTask {
                    var ok = 0
                    var failed = 0
                    var index = worker
                    while ContinuousClock.now < deadline {
                        guard let url = URL(string: "http://127.0.0.1:\(port)\(paths[index % paths.count])") else { break }
                        index += connections
                        var request = URLRequest(url: url)
                        request.setValue(authorization, forHTTPHeaderField: "Authorization")
                        let (_, response) = try await session.data(for: request)
                        if (response as? HTTPURLResponse)?.statusCode == 200 { ok += 1 } else { failed += 1 }
                    }
                    return (ok, failed)
                }
            }
            return try await group.reduce((0, 0)) { ($0.0 + $1.0, $0.1 + $1.1) }
        }
        let elapsed = (ContinuousClock.now - started).seconds
        return (Double(counts.0) / elapsed, (counts.1 > 0 ? " (\(counts.1) answers not 200)" : "") + " [own URLSession client, not wrk]")
    }
}
