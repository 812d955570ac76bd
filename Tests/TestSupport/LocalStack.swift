import Foundation

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

    /// The test role's URL for another database (`database`), and with other settings in
    /// its query (`sslmode`, say) when given; the stack's own settings are kept otherwise.
    public static func testDatabaseURL(database: String, settings: [String: String] = [:]) throws -> String {
        let url = try testDatabaseURL()
        guard var components = URLComponents(string: url) else { throw MissingSetting(name: "P2G_TEST_DATABASE_URL (not a URL)") }
        components.path = "/" + database
        var items = (components.queryItems ?? []).filter { settings[$0.name] == nil }
        items += settings.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        components.queryItems = items.isEmpty ? nil : items
        guard let result = components.string else { throw MissingSetting(name: "P2G_TEST_DATABASE_URL (not a URL)") }
        return result
    }

    /// A PostgreSQL program (`pgbench`, `psql`...) of the newest installed server version.
    public static func postgresProgram(_ name: String) throws -> String {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        for version in versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }) {
            let path = "/usr/lib/postgresql/\(version)/bin/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw MissingProgram(name: name)
    }

    /// A PostgreSQL program is not installed.
    public struct MissingProgram: Error, CustomStringConvertible {
        public let name: String
        public var description: String {
            "\(name) not found under /usr/lib/postgresql/*/bin: install the Debian package postgresql (deploy/stack.sh up does)"
        }
    }

    /// The administrator's URL (`P2G_ADMIN_DATABASE_URL`), for creating scratch databases.
    public static func adminDatabaseURL() throws -> String { try setting("P2G_ADMIN_DATABASE_URL") }

    /// The test vhost's AMQP URL (`P2G_TEST_AMQP_URL`).
    public static func testAMQPURL() throws -> String { try setting("P2G_TEST_AMQP_URL") }

    /// Restarts one server through the stack script and returns when it accepts connections again.
    public static func restart(_ server: Server) async throws {
        _ = try await runScript(["restart", server.rawValue])
    }

    /// Raises the broker's memory alarm: a watermark no broker can stay under.
    public static func raiseMemoryAlarm() async throws {
        _ = try await runScript(["rabbitmqctl", "set_vm_memory_high_watermark", "0.000001"])
    }

    /// Clears the memory alarm: the stack's usual watermark again.
    public static func clearMemoryAlarm() async throws {
        _ = try await runScript(["rabbitmqctl", "set_vm_memory_high_watermark", "0.4"])
    }

    /// Runs `deploy/stack.sh` with the given arguments and returns its output.
    public static func runScript(_ arguments: [String]) async throws -> String {
        let script = packageRoot.appendingPathComponent("deploy/stack.sh").path
        let result = try await ChildProcess.run(["/bin/bash", script] + arguments)
        guard result.status == 0 else {
            throw ScriptFailure(arguments: arguments, status: result.status, output: result.output)
        }
        return result.output
    }
}
