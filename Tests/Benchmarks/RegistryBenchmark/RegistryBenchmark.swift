import CommunityRegistry
import Contracts
import Foundation
import GeneratedRegistry
import Hummingbird
import HummingbirdTesting
import Logging
import Operator
import Postgres
import ServiceKit
import TestSupport

/// The import next to `psql \copy`, and reads next to a constant route; see main.swift.
struct RegistryBenchmark {
    var volunteers: Int
    var seconds: Int

    static let logger: Logger = {
        var logger = Logger(label: "registry-benchmark")
        logger.logLevel = .warning
        return logger
    }()

    func run() async throws {
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let importDatabase = "bench_registry_\(suffix)"
        let copyDatabase = "bench_copy_\(suffix)"
        let admin = PostgresClient(
            configuration: try PostgresConfiguration(url: LocalStack.adminDatabaseURL(), maximumConnections: 1), logger: Self.logger)
        for name in [importDatabase, copyDatabase] { try await admin.query("CREATE DATABASE \(identifier: name) OWNER p2g_test") }
        do {
            try await measure(importDatabase: importDatabase, copyDatabase: copyDatabase)
        } catch {
            await dropDatabases()
            throw error
        }
        await dropDatabases()

        func dropDatabases() async {
            for name in [importDatabase, copyDatabase] {
                _ = try? await admin.query("DROP DATABASE IF EXISTS \(identifier: name) WITH (FORCE)")
            }
            await admin.shutdown()
        }
    }

    func measure(importDatabase: String, copyDatabase: String) async throws {
        let databaseURL = try LocalStack.testDatabaseURL(database: importDatabase)
        let values = [
            "P2G_AMQP_URL": try LocalStack.testAMQPURL(), "P2G_DATABASE_URL": databaseURL, "P2G_HTTP_PORT": "0",
            "P2G_INSTANCE_ID": "registry-benchmark", "P2G_RETRY_DELAYS": "200ms",
            "P2G_AUTH_KEY_FILE": try LocalStack.setting("P2G_AUTH_KEY_FILE"), "P2G_METRICS_PORT": "0",
        ]
        let keys = try await AccessKeys.load(path: try LocalStack.setting("P2G_AUTH_KEY_FILE"), issuer: "p2g")
        let token = try await keys.sign(
            AccessToken(
                subject: "registry-benchmark", issuer: "p2g", audience: ["registry"], expires: Date().addingTimeInterval(3600),
                role: .agencyCoordinator))
        let settings = try ServiceSettings(service: .registry, environment: EnvironmentReader(values))
        let application = try await ServiceApplication.build(
            CommunityRegistryService.definition, settings: settings, metrics: ServiceMetrics(service: "registry"), logger: Self.logger)
        let volunteers = volunteers
        let seconds = seconds
        try await application.testable.test(.live) { client in
            guard let port = client.port, let url = URL(string: "http://127.0.0.1:\(port)") else {
                throw BenchmarkFailure("the registry has no port")
            }
            let registry = RegistryClient(baseURL: url, token: token)
            defer { registry.close() }

            let generated = GeneratedRegistry(communities: 550, partnerships: 45, volunteers: volunteers, badRows: false)
            let rows = generated.files.values.reduce(0) { $0 + $1.rows }
            print(
                "import: \(rows) rows (550 communities, \(generated.files[.partnerships]?.rows ?? 0) stays in 45 partnerships, "
                    + "\(volunteers) volunteers, \(generated.seats) committee seats), p2gctl import through the HTTP API, 8 requests in flight"
            )
            let started = ContinuousClock.now
            let report = try await RegistryImport(client: registry).run(generated.sources)
            let importSeconds = (ContinuousClock.now - started).seconds
            guard report.rejectedCount == 0, report.files.allSatisfy({ $0.imported == $0.rows }) else {
                throw BenchmarkFailure("the import did not take every row:\n\(report.render())")
            }
            let importRate = Double(rows) / importSeconds
            print(String(format: "  %.0f rows/s (%.1f s), each validated, stored and announced by an event", importRate, importSeconds))
            for file in report.files { print("    \(file.file): \(file.imported) rows") }
            let drained = try await Self.waitForOutbox(registry)
            print(String(format: "  the relay had published every event %.1f s after the import ended", drained))

            let copy = try await CopyBaseline.measure(from: importDatabase, into: copyDatabase)
            print("psql \\copy: the \(copy.rows) rows the import made, into the same tables of an empty copy of the schema")
            print(String(format: "  %.0f rows/s (%.2f s)", copy.rate, copy.seconds))
            Self.goal("import vs psql \\copy", importRate, copy.rate, goal: 0.25)

            let ids = try await registry.all("/communities", page: RegistryWire.CommunityPage.self, items: \.communities, id: \.id)
                .compactMap(\.id)
            try await Self.withConstantRoute { constantPort in
                let load = HTTPLoad(seconds: seconds, connections: 16, authorization: "Bearer \(token)")
                print("reads: \(load.describe()), \(seconds) s each")
                let constant = try await load.run(port: constantPort, paths: ["/constant"])
                print(
                    String(
                        format: "  GET /constant (a Hummingbird route answering a constant, same process): %.0f requests/s%@",
                        constant.rate, constant.note))
                let reads = try await load.run(port: port, paths: ids.map { "/communities/\($0)" })
                print(
                    String(format: "  GET /communities/{id} (%d communities in turn): %.0f requests/s%@", ids.count, reads.rate, reads.note)
                )
                Self.goal("GET /communities/{id} vs the constant route", reads.rate, constant.rate, goal: 0.5)
            }
        }
    }

    static func goal(_ what: String, _ value: Double, _ baseline: Double, goal: Double) {
        let ratio = baseline > 0 ? value / baseline : 0
        print(
            String(
                format: "  %@: %.1f%% (goal: at least %.0f%%: %@)", what, 100 * ratio, 100 * goal, ratio >= goal ? "met" : "NOT met"))
    }

    /// Seconds until the registry's outbox backlog is empty.
    static func waitForOutbox(_ registry: RegistryClient) async throws -> Double {
        let started = ContinuousClock.now
        while ContinuousClock.now - started < .seconds(300) {
            let answer = try await registry.send("GET", "/health/ready")
            if let report = try? JSONDecoder().decode(ReadinessReport.self, from: answer.body), (report.outbox?.backlog ?? 0) == 0 {
                return (ContinuousClock.now - started).seconds
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BenchmarkFailure("the registry's outbox still had events after 300 s")
    }

    /// A Hummingbird application in this process that answers `GET /constant` with a constant.
    static func withConstantRoute(_ body: @Sendable @escaping (Int) async throws -> Void) async throws {
        let router = Router()
        router.get("/constant") { _, _ in "p2g" }
        let application = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
        try await application.test(.live) { client in
            guard let port = client.port else { throw BenchmarkFailure("the constant route has no port") }
            try await body(port)
        }
    }
}

/// A benchmark could not run.
struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
