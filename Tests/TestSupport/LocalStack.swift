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

    /// Runs `deploy/stack.sh` with the given arguments on a thread of its own and returns its output.
    ///
    /// Not through Foundation's `Process`: on Linux its `waitUntilExit` waits for a socket that
    /// every descendant inherits, so it hangs as long as a server the script started (RabbitMQ
    /// after `restart rabbitmq`) keeps running. posix_spawn and waitpid wait for the script alone.
    public static func runScript(_ arguments: [String]) async throws -> String {
        let script = packageRoot.appendingPathComponent("deploy/stack.sh").path
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do {
                    let (status, output) = try spawnAndWait(["/bin/bash", script] + arguments)
                    if status == 0 {
                        continuation.resume(returning: output)
                    } else {
                        continuation.resume(throwing: ScriptFailure(arguments: arguments, status: status, output: output))
                    }
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.start()
        }
    }

    /// Runs a program with stdout and stderr into one pipe; returns its exit status and output.
    private static func spawnAndWait(_ argv: [String]) throws -> (Int32, String) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 2)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, &cArguments, environ)
        close(fds[1])
        guard spawned == 0 else {
            close(fds[0])
            throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO)
        }
        var output = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
            if count > 0 {
                output.append(contentsOf: buffer[..<count])
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        close(fds[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, which Swift does not import.
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exitStatus, String(decoding: output, as: UTF8.self))
    }
}
