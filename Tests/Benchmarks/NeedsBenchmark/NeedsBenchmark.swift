import CommunityRegistry
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Postgres
import ServiceKit
import TestSupport

/// The coverage report through the API next to the same query in psql; see main.swift.
struct NeedsBenchmark {
    var runs: Int

    static let logger: Logger = {
        var logger = Logger(label: "needs-benchmark")
        logger.logLevel = .warning
        return logger
    }()

    func run() async throws {
        let database = "bench_needs_\(UUID().uuidString.prefix(8).lowercased())"
        let admin = PostgresClient(
            configuration: try PostgresConfiguration(url: LocalStack.adminDatabaseURL(), maximumConnections: 1), logger: Self.logger)
        try await admin.query("CREATE DATABASE \(identifier: database) OWNER p2g_test")
        do {
            try await measure(database: database)
        } catch {
            _ = try? await admin.query("DROP DATABASE IF EXISTS \(identifier: database) WITH (FORCE)")
            await admin.shutdown()
            throw error
        }
        _ = try? await admin.query("DROP DATABASE IF EXISTS \(identifier: database) WITH (FORCE)")
        await admin.shutdown()
    }

    func measure(database: String) async throws {
        let databaseURL = try LocalStack.testDatabaseURL(database: database)
        let values = [
            "P2G_AMQP_URL": try LocalStack.testAMQPURL(), "P2G_DATABASE_URL": databaseURL, "P2G_HTTP_PORT": "0",
            "P2G_INSTANCE_ID": "needs-benchmark", "P2G_AUTH_KEY_FILE": try LocalStack.setting("P2G_AUTH_KEY_FILE"), "P2G_METRICS_PORT": "0",
        ]
        let keys = try await AccessKeys.load(path: try LocalStack.setting("P2G_AUTH_KEY_FILE"), issuer: "p2g")
        let token = try await keys.sign(
            AccessToken(
                subject: "needs-benchmark", issuer: "p2g", audience: ["registry"], expires: Date().addingTimeInterval(3600),
                role: .agencyCoordinator))
        let settings = try ServiceSettings(service: .registry, environment: EnvironmentReader(values))
        let application = try await ServiceApplication.build(
            CommunityRegistryService.definition, settings: settings, metrics: ServiceMetrics(service: "registry"), logger: Self.logger)
        let runs = runs
        try await application.testable.test(.live) { client in
            // The service has migrated its database at start; the data goes in with one script.
            let psql = try LocalStack.postgresProgram("psql")
            let seeding = ContinuousClock.now
            _ = try await Self.psql([psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", Self.seed, databaseURL])
            let counts = try await Self.psql([
                psql, "-X", "-A", "-t", "-c",
                "SELECT (SELECT count(*) FROM communities) || ' communities, ' || (SELECT count(*) FROM need_items) || ' need items, ' || (SELECT count(*) FROM funding_flows) || ' flows'",
                databaseURL,
            ])
            print(
                "data: \(counts.trimmingCharacters(in: .whitespacesAndNewlines)) (seeded in \(String(format: "%.1f", (ContinuousClock.now - seeding).seconds)) s)"
            )

            let headers: HTTPFields = [.authorization: "Bearer \(token)"]
            var rows = 0
            var api: [Double] = []
            for run in 0...runs {
                let started = ContinuousClock.now
                let body = try await client.execute(uri: "/reports/funding?by=community", method: .get, headers: headers) { response in
                    guard response.status == .ok else { throw BenchmarkFailure("the report answered \(response.status)") }
                    return response.body
                }
                // The first run warms the connection and the caches, in both.
                if run > 0 { api.append((ContinuousClock.now - started).seconds * 1000) }
                rows = String(buffer: body).components(separatedBy: "\"currency\"").count - 1
            }

            // The same aggregate in one psql session, timed by psql itself (\timing), results discarded.
            let query = FundingReportQuery.sql(by: .community)
            let script = "\\o /dev/null\n\\timing on\n" + String(repeating: query + ";\n", count: runs + 1)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("needs-benchmark-\(UUID().uuidString).sql")
            try script.write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let output = try await Self.psql([psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", file.path, databaseURL])
            let times = output.split(separator: "\n").compactMap { line -> Double? in
                guard line.hasPrefix("Time: ") else { return nil }
                return Double(line.dropFirst(6).split(separator: " ").first ?? "")
            }
            guard times.count == runs + 1 else { throw BenchmarkFailure("psql printed \(times.count) timings: \(output.prefix(300))") }
            let baseline = Array(times.dropFirst())
            let apiMedian = Self.median(api)
            let psqlMedian = Self.median(baseline)
            print("coverage report by community, \(rows) rows (community × currency), \(runs) runs after one warm-up:")
            print(String(format: "  GET /reports/funding?by=community  median %.1f ms  p90 %.1f ms", apiMedian, Self.percentile(api, 0.9)))
            print(
                String(
                    format: "  the same query in psql (baseline)  median %.1f ms  p90 %.1f ms", psqlMedian, Self.percentile(baseline, 0.9)))
            print(String(format: "  ratio %.2fx (goal: within 2x)", apiMedian / psqlMedian))
        }
    }

    static func psql(_ arguments: [String]) async throws -> String {
        let result = try await ChildProcess.run(arguments)
        guard result.status == 0 else { throw BenchmarkFailure("psql exited with \(result.status): \(result.output.prefix(500))") }
        return result.output
    }

    static func median(_ values: [Double]) -> Double { percentile(values, 0.5) }

    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
    }

    /// 550 communities, a quarter of them Israeli, in 45 partnerships; a submitted assessment per community with 20,000 need items in all, in
    /// the base sectors, costs in ILS, USD and a few EUR; 60,000 flows from every kind of funder,
    /// a quarter to no item, pledged, committed and paid, never past an item's cost.
    static let seed = """
        INSERT INTO communities (id, name, kind, country, region, time_zone, latitude, longitude, languages, contact_email)
        SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 'Community ' || n,
               CASE WHEN n % 4 = 0 THEN 'israeliLocality' ELSE 'globalCommunity' END,
               CASE WHEN n % 4 = 0 THEN 'IL' ELSE 'US' END, 'Region ' || (n % 30), 'UTC', 31.5, 34.5, '{en}', 'c' || n || '@example.org'
        FROM generate_series(1, 550) n;
        INSERT INTO partnerships (id, name, program, formed_on)
        SELECT ('00000000-0000-4000-9000-' || lpad(to_hex(p), 12, '0'))::uuid, 'Partnership ' || p,
               CASE WHEN p <= 25 THEN 'communities2gether' ELSE 'partnership2gether' END, date '2000-01-01'
        FROM generate_series(1, 45) p;
        INSERT INTO partnership_memberships (id, partnership_id, community_id, side, joined_on)
        SELECT gen_random_uuid(), ('00000000-0000-4000-9000-' || lpad(to_hex(n % 45 + 1), 12, '0'))::uuid,
               ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid,
               CASE WHEN n % 4 = 0 THEN 'israeli' ELSE 'global' END, date '2000-01-01'
        FROM generate_series(1, 550) n;
        INSERT INTO needs_assessments (id, community_id, version, status, assessed_on, created_at, submitted_at)
        SELECT ('00000000-0000-4000-a000-' || lpad(to_hex(n), 12, '0'))::uuid,
               ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 1, 'submitted', date '2024-01-20', now(), now()
        FROM generate_series(1, 550) n;
        INSERT INTO need_items (id, assessment_id, community_id, position, horizon, sector, description, quantity, unit, estimated_cost, currency)
        SELECT ('00000000-0000-4000-b000-' || lpad(to_hex(i), 12, '0'))::uuid,
               ('00000000-0000-4000-a000-' || lpad(to_hex(i % 550 + 1), 12, '0'))::uuid,
               ('00000000-0000-4000-8000-' || lpad(to_hex(i % 550 + 1), 12, '0'))::uuid, i,
               CASE WHEN i % 3 = 0 THEN 'long-term' ELSE 'immediate' END,
               (ARRAY['education', 'economic-development', 'welfare', 'housing', 'infrastructure', 'health', 'culture'])[i % 7 + 1],
               'Need ' || i, 1 + i % 50, 'unit', 1000000 + (i % 97) * 100000,
               (ARRAY['ILS', 'ILS', 'USD', 'USD', 'EUR'])[(i / 550) % 5 + 1]
        FROM generate_series(1, 20000) i;
        INSERT INTO funding_flows (id, funder_kind, funder_name, community_id, need_item_id, currency, status, pledged_amount,
                                   committed_amount, paid_amount, pledged_on, committed_on, paid_on, recorded_at)
        SELECT gen_random_uuid(),
               (ARRAY['globalCommunity', 'federation', 'kerenHayesod', 'governmentBody', 'municipality', 'otherDonor'])[f % 6 + 1],
               'Funder ' || (f % 300), i.community_id, CASE WHEN f % 4 = 0 THEN NULL ELSE i.id END, i.currency,
               s.status, CASE WHEN s.status = 'pledged' THEN i.estimated_cost / 10 END,
               CASE WHEN s.status <> 'pledged' THEN i.estimated_cost / 10 END,
               CASE WHEN s.status = 'paid' THEN i.estimated_cost / 20 ELSE 0 END,
               date '2024-02-01', CASE WHEN s.status <> 'pledged' THEN date '2024-03-01' END,
               CASE WHEN s.status = 'paid' THEN date '2024-04-01' END, now()
        FROM generate_series(1, 60000) f
             JOIN need_items i ON i.id = ('00000000-0000-4000-b000-' || lpad(to_hex(f % 20000 + 1), 12, '0'))::uuid
             CROSS JOIN LATERAL (SELECT (ARRAY['pledged', 'committed', 'paid'])[f % 3 + 1] AS status) s;
        ANALYZE;
        """
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
