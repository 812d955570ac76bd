import Foundation
import Logging
import Postgres
import TestSupport
import UUIDText

/// What the order of its keys costs an index: a consumer's inbox INSERT of 500 message ids
/// into an inbox that already holds a retention period's worth of them, starting right after
/// a checkpoint, with time-ordered (version 7) ids as the services make them, against random
/// (version 4) ids. Each run builds its inbox afresh through inserts in id order, so that
/// its pages are as full as a service's own would be; the two kinds alternate.
///
/// The first change to a page after a checkpoint writes the whole page to the write-ahead
/// log. Time-ordered ids change one leaf of the primary key at a time; random ids change any
/// of them, so the log per row is largest just after a checkpoint and at low rates.
enum KeyOrderBenchmark {
    static func run(options: PostgresBenchmark.Options, report: BenchmarkReport) async throws {
        let logger = Logger(label: "key-order-benchmark")
        let client = PostgresClient(
            configuration: try PostgresConfiguration(url: try LocalStack.testDatabaseURL(), maximumConnections: 1), logger: logger)
        // CHECKPOINT needs the administrator.
        let admin = PostgresClient(
            configuration: try PostgresConfiguration(url: try LocalStack.adminDatabaseURL(), maximumConnections: 1), logger: logger)
        let batch = 500
        var rates: [Bool: [Double]] = [:]
        var logBytes: [Bool: [Double]] = [:]
        for _ in 0..<options.repetitions {
            for timeOrdered in [true, false] {
                try await fill(client, rows: options.heldRows, timeOrdered: timeOrdered)
                try await admin.query("CHECKPOINT")
                let logBefore = try await logPosition(client)
                let started = ContinuousClock.now
                var rows = 0
                try await client.withConnection { connection in
                    while (ContinuousClock.now - started).seconds < options.seconds {
                        let ids = (0..<batch).map { _ in timeOrdered ? UUID.timeOrdered() : UUID.random() }
                        try await connection.query(
                            """
                            INSERT INTO bench_inbox (message_id, message_type, queue)
                            SELECT id, 'registry.community-registered.v1', 'matching.events' FROM unnest(\(ids)::uuid[]) AS i(id)
                            """)
                        rows += batch
                    }
                }
                rates[timeOrdered, default: []].append(Double(rows) / (ContinuousClock.now - started).seconds)
                logBytes[timeOrdered, default: []].append(Double(try await logPosition(client) - logBefore) / Double(rows))
            }
        }
        let held = options.heldRows.formatted(.number.grouping(.automatic))
        report.row(
            "inbox INSERT of \(batch) ids, \(held) held", unit: "rows/s", swift: PostgresBenchmark.median(rates[true] ?? []),
            baselines: [("random ids", PostgresBenchmark.median(rates[false] ?? []))])
        print(
            "\("  write-ahead log per row".padding(toLength: 44, withPad: " ", startingAt: 0)) time-ordered ids "
                + String(
                    format: "%.0f bytes | random ids %.0f bytes", PostgresBenchmark.median(logBytes[true] ?? []),
                    PostgresBenchmark.median(logBytes[false] ?? [])))
        try await client.query("DROP TABLE bench_inbox")
        await client.shutdown()
        await admin.shutdown()
    }

    /// A fresh inbox (the services' own columns and indexes) holding `rows` message ids
    /// handled one millisecond apart, inserted in that order; time-ordered ids carry those
    /// instants, as a service's would.
    static func fill(_ client: PostgresClient, rows: Int, timeOrdered: Bool) async throws {
        try await client.query("DROP TABLE IF EXISTS bench_inbox")
        try await client.query(
            """
            CREATE TABLE bench_inbox (
                message_id uuid PRIMARY KEY, message_type text NOT NULL, queue text NOT NULL,
                handled_at timestamptz NOT NULL DEFAULT now()
            )
            """)
        try await client.query("CREATE INDEX ON bench_inbox (handled_at)")
        // A version 7 id in SQL: the instant's milliseconds in hexadecimal, then version 7
        // and the random rest of a version 4 id (whose variant bits are the same).
        let id =
            timeOrdered
            ? "(substr(ms, 1, 8) || '-' || substr(ms, 9, 4) || '-7' || substr(r, 16, 3) || substr(r, 19))::uuid" : "r::uuid"
        try await client.query(
            PostgresQuery(
                unsafeSQL: """
                    INSERT INTO bench_inbox (message_id, message_type, queue, handled_at)
                    SELECT \(id), 'registry.community-registered.v1', 'matching.events', at
                    FROM (SELECT at, lpad(to_hex((extract(epoch FROM at) * 1000)::bigint), 12, '0') AS ms, gen_random_uuid()::text AS r
                          FROM generate_series($1::int, 1, -1) AS n, LATERAL (SELECT now() - n * interval '1 millisecond' AS at) AS t) AS f
                    ORDER BY at
                    """, bindings: [rows]))
    }

    /// Where the write-ahead log ends, in bytes.
    static func logPosition(_ client: PostgresClient) async throws -> Int64 {
        try await client.query("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint")[0].decode(Int64.self, at: 0)
    }
}
