import AMQP
import Contracts
import Foundation
import Logging
import Postgres
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The four services, built next to this executable, each on a fresh database of its own and
/// on the local stack's test vhost; everything is removed again at the end.
final class PipelineSystem {
    struct Member {
        let service: String
        let executable: String
        let database: String
        let port: Int
    }

    let members: [Member]
    let admin: PostgresClient
    let logger: Logger
    let logDirectory: String
    private var processes: [(Member, LaunchedProcess)] = []

    static let consumers = ["matching", "scheduling", "notifications"]

    init(logger: Logger) throws {
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let basePort = 21_000 + Int.random(in: 0..<800) * 10
        members = ServiceIdentity.all.enumerated().map { index, service in
            Member(
                service: service.name, executable: service.executable, database: "bench_\(suffix)_\(service.name)",
                port: basePort + 1 + index)
        }
        admin = PostgresClient(configuration: try PostgresConfiguration(url: LocalStack.adminDatabaseURL()), logger: logger)
        self.logger = logger
        logDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("p2g-pipeline-\(suffix)").path
        try FileManager.default.createDirectory(atPath: logDirectory, withIntermediateDirectories: true)
    }

    /// The services' process ids, with their names.
    var servicePIDs: [Int32: String] {
        Dictionary(uniqueKeysWithValues: processes.map { ($0.1.pid, $0.0.service) })
    }

    /// A URL for one of the benchmark's databases, as the test role.
    func databaseURL(_ database: String) throws -> String {
        try LocalStack.testDatabaseURL(database: database)
    }

    func member(_ service: String) -> Member {
        members.first { $0.service == service } ?? members[0]
    }

    /// Creates the databases, clears the queues the services use, starts the services and waits
    /// until each answers ready.
    func start(amqpURL: String) async throws {
        // The timings are read from PostgreSQL's commit timestamps.
        let tracking = try await admin.query("SHOW track_commit_timestamp")[0].decode(String.self, at: 0)
        guard tracking == "on" else {
            throw BenchmarkFailure(
                "PostgreSQL does not record commit times (track_commit_timestamp is \(tracking)); run deploy/stack.sh restart postgres")
        }
        // Queues left by an earlier run would hand this run's consumers stale events.
        let connection = try await AMQPConnection.connect(try AMQPConfiguration(url: amqpURL), logger: logger)
        for service in Self.consumers {
            let delays: [Int64] = [5_000, 30_000, 300_000]
            for queue in [MessagingNames.eventQueue(service: service), MessagingNames.deadLetterQueue(service: service)]
                + delays.map({ MessagingNames.retryQueue(workQueue: MessagingNames.eventQueue(service: service), delayMilliseconds: $0) })
            {
                _ = try? await connection.delete(queue: queue)
            }
        }
        await connection.close()
        for member in members {
            try await admin.query("CREATE DATABASE \(identifier: member.database) OWNER p2g_test")
        }
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
        for member in members {
            let path = "\(directory)/\(member.executable)"
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw BenchmarkFailure("\(path) is missing: build everything with `swift build -c release` first")
            }
            let environment = ProcessInfo.processInfo.environment.merging([
                "P2G_AMQP_URL": amqpURL, "P2G_DATABASE_URL": try databaseURL(member.database),
                "P2G_HTTP_PORT": String(member.port), "P2G_LOG_LEVEL": "warning", "P2G_INSTANCE_ID": "bench-\(member.service)",
                "P2G_DATABASE_POOL_SIZE": "8", "P2G_METRICS_PORT": String(member.port + 1000),
            ]) { $1 }
            let process = try ChildProcess.launch([path], environment: environment, outputPath: "\(logDirectory)/\(member.service).log")
            processes.append((member, process))
        }
        for member in members {
            try await waitUntilReady(member)
        }
    }

    /// Stops the services (SIGTERM) and drops their databases.
    func stop() async {
        for (_, process) in processes { process.signal(SIGTERM) }
        for (member, process) in processes {
            let status = await process.waitForExit()
            if status != 0 { logger.warning("service exited with \(status)", metadata: ["service": "\(member.service)"]) }
        }
        processes = []
        for member in members {
            _ = try? await admin.query("DROP DATABASE IF EXISTS \(identifier: member.database) WITH (FORCE)")
        }
        await admin.shutdown()
    }

    private func waitUntilReady(_ member: Member) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if let status = try? await httpStatus(port: member.port, path: "/health/ready"), status == 200 { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        let log = (try? String(contentsOfFile: "\(logDirectory)/\(member.service).log", encoding: .utf8)) ?? ""
        throw BenchmarkFailure("\(member.executable) did not become ready; its log:\n\(log.suffix(2000))")
    }

    /// A bare HTTP/1.1 GET on loopback; returns the status code.
    private func httpStatus(port: Int, path: String) async throws -> Int {
        let result = try await ChildProcess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(port)\(path)"])
        return Int(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }
}
