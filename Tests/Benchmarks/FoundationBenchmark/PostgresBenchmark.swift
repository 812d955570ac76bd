import Foundation
import Logging
import Postgres
import TestSupport

/// Shared/Postgres next to PostgreSQL's own C tools running the same statements, in one run:
/// - single-row INSERT transactions per second: this client vs `pgbench` (extended and
///   prepared protocol), with 1 and 4 concurrent clients;
/// - transactions of two INSERTs between BEGIN and COMMIT: this client vs `pgbench`, a
///   statement at a time and pipelined;
/// - a consumer's set-based INSERT of 500 rows through `unnest`: its arrays in binary form,
///   as this client sends them, vs the same arrays as text;
/// - bulk rows per second: `copy(into:)` vs `psql \copy` (both `COPY ... FROM STDIN`), and
///   the same 1,000-row INSERT statement through this client vs `pgbench`.
enum PostgresBenchmark {
    struct Options {
        var seconds: Double = 8
        var repetitions: Int = 3
        var bulkRows: Int = 200_000
        /// The message ids an inbox holds in the key-order row (`--part keys`).
        var heldRows: Int = 1_000_000
    }

    static func run(options: Options, report: BenchmarkReport) async throws {
        let url = try LocalStack.testDatabaseURL()
        let logger = Logger(label: "postgres-benchmark")
        let client = PostgresClient(configuration: try PostgresConfiguration(url: url, maximumConnections: 4), logger: logger)
        try await client.query(
            """
            DROP TABLE IF EXISTS bench_single, bench_bulk;
            """)
        try await client.query("CREATE TABLE bench_single (id bigserial PRIMARY KEY, n int NOT NULL, payload text NOT NULL)")
        try await client.query(
            "CREATE TABLE bench_bulk (n int NOT NULL, community uuid NOT NULL, title text NOT NULL, cost_cents bigint, noted_at timestamptz NOT NULL)"
        )
        let pgbench = try LocalStack.postgresProgram("pgbench")
        let payload = "registry.community-registered.v1 Western Galilee partnership"
        let script = try writeTemporary(
            "\\set n random(1, 1000000)\nINSERT INTO bench_single (n, payload) VALUES (:n, '\(payload)');\n")

        // Round trips: the cost of the client itself, with no disk work.
        let selectScript = try writeTemporary("SELECT 1;\n")
        var swiftSelect: [Double] = []
        var pgbenchSelect: [Double] = []
        for _ in 0..<options.repetitions {
            swiftSelect.append(try await selectOne(client: client, seconds: options.seconds))
            pgbenchSelect.append(
                try await pgbenchRate(pgbench, url: url, script: selectScript, clients: 1, seconds: options.seconds, mode: "extended"))
        }
        report.row(
            "SELECT 1 round trips, 1 client", unit: "q/s", swift: median(swiftSelect),
            baselines: [("pgbench -M extended", median(pgbenchSelect))])

        for clients in [1, 4] {
            var swiftRates: [Double] = []
            var extendedRates: [Double] = []
            var preparedRates: [Double] = []
            for _ in 0..<options.repetitions {
                swiftRates.append(try await singleRowInserts(client: client, clients: clients, seconds: options.seconds, payload: payload))
                extendedRates.append(
                    try await pgbenchRate(pgbench, url: url, script: script, clients: clients, seconds: options.seconds, mode: "extended"))
                preparedRates.append(
                    try await pgbenchRate(pgbench, url: url, script: script, clients: clients, seconds: options.seconds, mode: "prepared"))
            }
            let swift = median(swiftRates)
            let extended = median(extendedRates)
            let prepared = median(preparedRates)
            report.row(
                "single-row INSERT, \(clients) client\(clients == 1 ? "" : "s")", unit: "tx/s", swift: swift,
                baselines: [("pgbench -M extended", extended), ("pgbench -M prepared", prepared)])
        }
        try await client.query("TRUNCATE bench_single")

        // A consumer's transaction: two INSERTs between BEGIN and COMMIT. pgbench sends each
        // statement in a round trip of its own; this client sends BEGIN with the first one.
        let transactionScript = try writeTemporary(
            "\\set n random(1, 1000000)\nBEGIN;\nINSERT INTO bench_single (n, payload) VALUES (:n, '\(payload)');\n"
                + "INSERT INTO bench_single (n, payload) VALUES (:n, '\(payload)');\nCOMMIT;\n")
        var swiftTransactions: [Double] = []
        var pgbenchTransactions: [Double] = []
        for _ in 0..<options.repetitions {
            swiftTransactions.append(try await twoInsertTransactions(client: client, seconds: options.seconds, payload: payload))
            pgbenchTransactions.append(
                try await pgbenchRate(pgbench, url: url, script: transactionScript, clients: 1, seconds: options.seconds, mode: "prepared"))
        }
        report.row(
            "transaction of 2 INSERTs, 1 client", unit: "tx/s", swift: median(swiftTransactions),
            baselines: [("pgbench -M prepared", median(pgbenchTransactions))])
        try await client.query("TRUNCATE bench_single")

        // The same transaction with both INSERTs pipelined (`pipeline(_:)`), as a consumer sends
        // its effects: BEGIN, the INSERTs and COMMIT in one round trip. Next to pgbench's own
        // pipeline, and to this client sending a statement at a time.
        let pipelinedScript = try writeTemporary(
            "\\set n random(1, 1000000)\n\\startpipeline\nBEGIN;\nINSERT INTO bench_single (n, payload) VALUES (:n, '\(payload)');\n"
                + "INSERT INTO bench_single (n, payload) VALUES (:n, '\(payload)');\nCOMMIT;\n\\endpipeline\n")
        var swiftPipelined: [Double] = []
        var swiftOneByOne: [Double] = []
        var pgbenchPipelined: [Double] = []
        for _ in 0..<options.repetitions {
            swiftPipelined.append(
                try await twoInsertTransactions(client: client, seconds: options.seconds, payload: payload, pipelined: true))
            swiftOneByOne.append(try await twoInsertTransactions(client: client, seconds: options.seconds, payload: payload))
            pgbenchPipelined.append(
                try await pgbenchRate(pgbench, url: url, script: pipelinedScript, clients: 1, seconds: options.seconds, mode: "prepared"))
        }
        report.row(
            "transaction of 2 INSERTs, pipelined, 1 client", unit: "tx/s", swift: median(swiftPipelined),
            baselines: [("pgbench \\startpipeline", median(pgbenchPipelined)), ("a statement at a time", median(swiftOneByOne))])
        try await client.query("TRUNCATE bench_single")

        try await setBasedInserts(client: client, options: options, report: report)

        // Bulk: COPY FROM STDIN through this client and through psql, on the same rows.
        let rows = bulkRows(count: options.bulkRows)
        let copyFile = try writeTemporary(copyText(rows))
        var swiftCopy: [Double] = []
        var psqlCopy: [Double] = []
        for _ in 0..<options.repetitions {
            try await client.query("TRUNCATE bench_bulk")
            let started = ContinuousClock.now
            try await client.withConnection { connection in
                _ = try await connection.copy(
                    into: "bench_bulk", columns: ["n", "community", "title", "cost_cents", "noted_at"], rows: rows)
            }
            swiftCopy.append(Double(rows.count) / (ContinuousClock.now - started).seconds)
            try await client.query("TRUNCATE bench_bulk")
            psqlCopy.append(
                Double(rows.count)
                    / (try await timeCommand([
                        "psql", "-X", "-q", url, "-c", "\\copy bench_bulk (n, community, title, cost_cents, noted_at) FROM '\(copyFile)'",
                    ])))
        }
        report.row(
            "bulk COPY FROM STDIN, \(rows.count) rows", unit: "rows/s", swift: median(swiftCopy),
            baselines: [("psql \\copy", median(psqlCopy))])

        // Bulk: the same 1,000-row INSERT statement, through this client and through pgbench.
        let insertSQL = multiRowInsert(rows.prefix(1000))
        let insertScript = try writeTemporary(insertSQL + ";\n")
        var swiftMulti: [Double] = []
        var pgbenchMulti: [Double] = []
        var pgbenchMultiPrepared: [Double] = []
        for _ in 0..<options.repetitions {
            try await client.query("TRUNCATE bench_bulk")
            let query = PostgresQuery(unsafeSQL: insertSQL)
            let started = ContinuousClock.now
            var statements = 0
            try await client.withConnection { connection in
                while (ContinuousClock.now - started).seconds < options.seconds {
                    try await connection.query(query)
                    statements += 1
                }
            }
            swiftMulti.append(Double(statements * 1000) / (ContinuousClock.now - started).seconds)
            try await client.query("TRUNCATE bench_bulk")
            pgbenchMulti.append(
                1000
                    * (try await pgbenchRate(
                        pgbench, url: url, script: insertScript, clients: 1, seconds: options.seconds, mode: "extended")))
            try await client.query("TRUNCATE bench_bulk")
            pgbenchMultiPrepared.append(
                1000
                    * (try await pgbenchRate(
                        pgbench, url: url, script: insertScript, clients: 1, seconds: options.seconds, mode: "prepared")))
        }
        report.row(
            "bulk 1,000-row INSERT statements", unit: "rows/s", swift: median(swiftMulti),
            baselines: [("pgbench -M extended", median(pgbenchMulti)), ("pgbench -M prepared", median(pgbenchMultiPrepared))])
        try await client.query("DROP TABLE bench_single, bench_bulk")
        await client.shutdown()
    }

    /// The set-based INSERT row alone (`--part unnest`).
    static func runSetBasedInserts(options: Options, report: BenchmarkReport) async throws {
        let client = PostgresClient(
            configuration: try PostgresConfiguration(url: try LocalStack.testDatabaseURL(), maximumConnections: 1),
            logger: Logger(label: "postgres-benchmark"))
        try await setBasedInserts(client: client, options: options, report: report)
        await client.shutdown()
    }

    /// A consumer's set-based INSERT: 500 communities per statement, one array per column,
    /// spread into rows by `unnest`. The arrays go in binary form; the baseline sends the same
    /// arrays as text, which the server parses element by element (how they went before).
    /// The two alternate, each starting on an empty table.
    static func setBasedInserts(client: PostgresClient, options: Options, report: BenchmarkReport) async throws {
        try await client.query("DROP TABLE IF EXISTS bench_communities")
        try await client.query(
            """
            CREATE TABLE bench_communities (
                community_id uuid PRIMARY KEY, name text NOT NULL, kind text NOT NULL, country text NOT NULL,
                region text NOT NULL, time_zone text NOT NULL, latitude float8 NOT NULL, longitude float8 NOT NULL,
                registered_at timestamptz NOT NULL
            )
            """)
        let batch = 500
        var binaryRates: [Double] = []
        var textRates: [Double] = []
        for _ in 0..<options.repetitions {
            for asText in [false, true] {
                try await client.query("TRUNCATE bench_communities")
                let started = ContinuousClock.now
                var rows = 0
                try await client.withConnection { connection in
                    while (ContinuousClock.now - started).seconds < options.seconds {
                        try await connection.query(communityBatchInsert(first: rows, count: batch, asText: asText))
                        rows += batch
                    }
                }
                let rate = Double(rows) / (ContinuousClock.now - started).seconds
                if asText { textRates.append(rate) } else { binaryRates.append(rate) }
            }
        }
        report.row(
            "unnest INSERT of \(batch) rows, 1 client", unit: "rows/s", swift: median(binaryRates),
            baselines: [("the arrays sent as text", median(textRates))])
        try await client.query("DROP TABLE bench_communities")
    }

    static func communityBatchInsert(first: Int, count: Int, asText: Bool) throws -> PostgresQuery {
        let numbers = first..<first + count
        let ids = numbers.map { _ in UUID() }
        let names = numbers.map { "Community \($0)" }
        let kinds = numbers.map { $0 % 2 == 0 ? "israeliLocality" : "globalCommunity" }
        let countries = numbers.map { $0 % 2 == 0 ? "IL" : "US" }
        let regions = numbers.map { $0 % 2 == 0 ? "Western Galilee" : "Iowa" }
        let zones = numbers.map { $0 % 2 == 0 ? "Asia/Jerusalem" : "America/Chicago" }
        let latitudes = numbers.map { 31.0 + Double($0 % 1000) / 997 }
        let longitudes = numbers.map { 34.0 + Double($0 % 1000) / 991 }
        let base = Date(timeIntervalSince1970: 1_716_458_400.123456)
        let registered = numbers.map { base.addingTimeInterval(Double($0) / 1000) }
        let arrays: [any PostgresEncodable] = [ids, names, kinds, countries, regions, zones, latitudes, longitudes, registered]
        let columns: [any PostgresEncodable] = asText ? try arrays.map { try $0.postgresText() ?? "" } : arrays
        return PostgresQuery(
            unsafeSQL: """
                INSERT INTO bench_communities
                SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                                     $7::float8[], $8::float8[], $9::timestamptz[])
                """, bindings: columns)
    }

    /// Autocommit single-row inserts from `clients` concurrent tasks for `seconds`.
    static func singleRowInserts(client: PostgresClient, clients: Int, seconds: Double, payload: String) async throws -> Double {
        let started = ContinuousClock.now
        let total = try await withThrowingTaskGroup(of: Int.self) { group in
            for worker in 0..<clients {
                group.addTask {
                    var count = 0
                    try await client.withConnection { connection in
                        while (ContinuousClock.now - started).seconds < seconds {
                            try await connection.query(
                                "INSERT INTO bench_single (n, payload) VALUES (\(Int32(worker * 1_000_000 + count % 1_000_000)), \(payload))"
                            )
                            count += 1
                        }
                    }
                    return count
                }
            }
            return try await group.reduce(0, +)
        }
        return Double(total) / (ContinuousClock.now - started).seconds
    }

    /// Transactions of two single-row INSERTs, one after another, for `seconds`.
    static func twoInsertTransactions(client: PostgresClient, seconds: Double, payload: String, pipelined: Bool = false) async throws
        -> Double
    {
        let started = ContinuousClock.now
        var count = 0
        while (ContinuousClock.now - started).seconds < seconds {
            try await client.withTransaction { connection in
                let insert: PostgresQuery = "INSERT INTO bench_single (n, payload) VALUES (\(Int32(count % 1_000_000)), \(payload))"
                if pipelined {
                    try await connection.pipeline(insert)
                    try await connection.pipeline(insert)
                } else {
                    try await connection.query(insert)
                    try await connection.query(insert)
                }
            }
            count += 1
        }
        return Double(count) / (ContinuousClock.now - started).seconds
    }

    static func selectOne(client: PostgresClient, seconds: Double) async throws -> Double {
        let started = ContinuousClock.now
        var count = 0
        try await client.withConnection { connection in
            while (ContinuousClock.now - started).seconds < seconds {
                try await connection.query("SELECT 1")
                count += 1
            }
        }
        return Double(count) / (ContinuousClock.now - started).seconds
    }

    static func pgbenchRate(_ pgbench: String, url: String, script: String, clients: Int, seconds: Double, mode: String) async throws
        -> Double
    {
        let output = try await runCommand([
            pgbench, "-n", "-f", script, "-c", String(clients), "-j", String(min(clients, 2)), "-T", String(Int(seconds)), "-M", mode, url,
        ])
        // "tps = 1234.567890 (without initial connection time)"
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("tps = ") }),
            let value = Double(line.dropFirst(6).split(separator: " ")[0])
        else { throw BenchmarkFailure("could not read pgbench's tps from: \(output)") }
        return value
    }

    static func bulkRows(count: Int) -> [[any PostgresEncodable]] {
        let base = Date(timeIntervalSince1970: 1_716_458_400)
        return (0..<count).map { index in
            [
                Int32(index), UUID(), "mattresses and kitchen utensils, item \(index)", index % 5 == 0 ? Int?.none : index * 100,
                base.addingTimeInterval(Double(index)),
            ]
        }
    }

    static func copyText(_ rows: [[any PostgresEncodable]]) -> String {
        var text = ""
        for row in rows {
            text += row.map { value in ((try? value.postgresText()) ?? nil) ?? "\\N" }.joined(separator: "\t") + "\n"
        }
        return text
    }

    static func multiRowInsert(_ rows: ArraySlice<[any PostgresEncodable]>) -> String {
        let values = rows.map { row in
            "("
                + row.map { value in
                    guard let text = (try? value.postgresText()) ?? nil else { return "NULL" }
                    return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
                }.joined(separator: ", ") + ")"
        }
        return "INSERT INTO bench_bulk (n, community, title, cost_cents, noted_at) VALUES " + values.joined(separator: ", ")
    }

    static func writeTemporary(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("p2g-bench-\(UUID().uuidString)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
