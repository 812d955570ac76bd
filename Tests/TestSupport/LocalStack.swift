import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The local stack that `deploy/stack.sh up` starts: where its servers listen and how to
/// disturb them from a test (restart PostgreSQL or RabbitMQ in the middle of a run).
///
/// Settings come from the process environment first, then from `.local/stack.env`, which the
/// script writes. A test that needs a server and finds no setting fails with a message saying
/// how to start the stack; it never skips.
public enum LocalStack {
    /// A server of the local stack.
    public enum Server: String, Sendable {
        case postgres
        case rabbitmq
    }

    /// A setting the tests need is missing.
    public struct MissingSetting: Error, CustomStringConvertible {
        public let name: String
        public var description: String {
            "\(name) is not set and .local/stack.env does not name it: start the local stack with `deploy/stack.sh up` (or run `deploy/test.sh`)"
        }
    }

    /// A stack script command failed.
    public struct ScriptFailure: Error, CustomStringConvertible {
        public let arguments: [String]
        public let status: Int32
        public let output: String
        public var description: String {
            "deploy/stack.sh \(arguments.joined(separator: " ")) exited with \(status): \(output)"
        }
    }

    /// The repository's top folder.
    public static let packageRoot: URL = {
        // This file is Tests/TestSupport/LocalStack.swift.
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
    }()

    /// The settings from `.local/stack.env`, overridden by the process environment.
    public static let environment: [String: String] = {
        var values: [String: String] = [:]
        let file = packageRoot.appendingPathComponent(".local/stack.env")
        if let text = try? String(contentsOf: file, encoding: .utf8) {
            for line in text.split(separator: "\n") {
                guard let equals = line.firstIndex(of: "=") else { continue }
                values[String(line[..<equals])] = String(line[line.index(after: equals)...])
            }
        }
        for (key, value) in ProcessInfo.processInfo.environment where key.hasPrefix("P2G_") {
            values[key] = value
        }
        return values
    }()

    /// The value of a setting, or an error that says how to start the stack.
    public static func setting(_ name: String) throws -> String {
        guard let value = environment[name], !value.isEmpty else { throw MissingSetting(name: name) }
        return value
    }

    /// The test database's URL (`P2G_TEST_DATABASE_URL`).
    public static func testDatabaseURL() throws -> String { try setting("P2G_TEST_DATABASE_URL") }

    /// The administrator's URL (`P2G_ADMIN_DATABASE_URL`), for creating scratch databases.
    public static func adminDatabaseURL() throws -> String { try setting("P2G_ADMIN_DATABASE_URL") }

    /// The test vhost's AMQP URL (`P2G_TEST_AMQP_URL`).
    public static func testAMQPURL() throws -> String { try setting("P2G_TEST_AMQP_URL") }

    /// Restarts one server through the stack script and returns when it accepts connections again.
    public static func restart(_ server: Server) async throws {
        _ = try await runScript(["restart", server.rawValue])
    }

    /// Runs `deploy/stack.sh` with the given arguments on a thread of its own and returns its
    /// output. (posix_spawn and waitpid: the servers the script starts keep running after it,
    /// so the test must wait for the script's exit, not for the end of its output.)
    public static func runScript(_ arguments: [String]) async throws -> String {
        let script = packageRoot.appendingPathComponent("deploy/stack.sh").path
        let outputPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("p2g-stack-\(UUID().uuidString).log").path
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                var actions = posix_spawn_file_actions_t()
                posix_spawn_file_actions_init(&actions)
                defer { posix_spawn_file_actions_destroy(&actions) }
                posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
                posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                posix_spawn_file_actions_adddup2(&actions, 1, 2)
                let argv = (["/bin/bash", script] + arguments).map { strdup($0) } + [nil]
                defer { argv.forEach { free($0) } }
                var pid: pid_t = 0
                let spawned = posix_spawn(&pid, "/bin/bash", &actions, nil, argv, environ)
                guard spawned == 0 else {
                    continuation.resume(throwing: ScriptFailure(arguments: arguments, status: -1, output: "posix_spawn failed: \(spawned)"))
                    return
                }
                var status: Int32 = 0
                while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
                try? FileManager.default.removeItem(atPath: outputPath)
                let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
                if exitStatus == 0 {
                    continuation.resume(returning: output)
                } else {
                    continuation.resume(throwing: ScriptFailure(arguments: arguments, status: exitStatus, output: output))
                }
            }
            thread.start()
        }
    }
}
