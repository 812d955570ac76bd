import Foundation

/// The stand-in SMS provider (`deploy/sms-sink.py`, Python's standard library), started by the
/// test on a free loopback port and stopped after it: a real HTTP server that stores each message
/// it accepts as a JSON file, which the test reads back.
final class SMSSink: @unchecked Sendable {
    /// One message the sink accepted.
    struct Received: Decodable {
        struct Message: Decodable {
            var id: String
            var to: String
            var from: String
            var text: String
        }
        var message: Message
        var authorization: String?
        var idempotencyKey: String?
        var attempt: Int
    }

    let store: URL
    let port: Int
    private let process: Process

    var url: String { "http://127.0.0.1:\(port)/messages" }

    /// Starts the sink, requiring `token` as a bearer token, and waits until it listens.
    init(token: String) async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        store = FileManager.default.temporaryDirectory.appendingPathComponent("p2g-sms-\(UUID().uuidString.lowercased())")
        try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
        let portFile = store.appendingPathComponent("port")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [
            root.appendingPathComponent("deploy/sms-sink.py").path, "--store", store.path, "--port", "0", "--token", token,
            "--port-file", portFile.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        self.process = process
        var port: Int?
        for _ in 0..<200 {
            if let text = try? String(contentsOf: portFile, encoding: .utf8),
                let number = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                port = number
                break
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        guard let port else {
            process.terminate()
            throw SinkDidNotStart()
        }
        self.port = port
    }

    struct SinkDidNotStart: Error, CustomStringConvertible {
        var description: String { "deploy/sms-sink.py did not start (is /usr/bin/python3 there?)" }
    }

    /// The messages the sink accepted for `number`.
    func received(to number: String) throws -> [Received] {
        let names = try FileManager.default.contentsOfDirectory(atPath: store.path).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
        return try names.sorted().compactMap { name in
            let data = try Data(contentsOf: store.appendingPathComponent(name))
            let received = try JSONDecoder().decode(Received.self, from: data)
            return received.message.to == number ? received : nil
        }
    }

    /// Stops the sink with SIGKILL: a process started from a service's test inherits the
    /// ignored SIGTERM that graceful shutdown sets up.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: store)
    }
}
