import AMQP
import Contracts
import Foundation
import Logging
import Postgres
import ServiceKit
import TestSupport
import UUIDText

/// Events from the registry's outbox to committed effects in all three consumers, next to the
/// broker's own publish-with-confirms rate for the same fan-out, measured in the same run.
enum PipelineBenchmark {
    struct Options {
        var events = 20_000
        var rate = 1_000
        var seconds = 20
    }

    static func event(_ index: Int) -> CommunityRegistered {
        CommunityRegistered(
            communityId: UUID.timeOrdered(), name: "Community \(index)",
            kind: index.isMultiple(of: 2) ? .israeliLocality : .globalCommunity,
            country: index.isMultiple(of: 2) ? "IL" : "US", region: index.isMultiple(of: 2) ? "Western Negev" : "Iowa",
            timeZone: index.isMultiple(of: 2) ? "Asia/Jerusalem" : "America/Chicago",
            coordinates: Coordinates(latitude: 31.5 + Double(index % 100) / 1000, longitude: 34.6), languages: ["he", "en"],
            contactEmail: "coordinator\(index)@community.example", registeredAt: Date())
    }

    // MARK: Throughput

    /// Commits `count` events to the outbox in one transaction, then waits until every
    /// consumer has committed all of them; returns events per second from that commit to the
    /// last consumer commit, each read from PostgreSQL's commit timestamps after the run.
    static func throughput(
        system: PipelineSystem, count: Int, logger: Logger
    ) async throws -> (
        rate: Double, perConsumer: [String: Double], relayRate: Double, processorSeconds: [String: Double], machine: String,
        walBytes: Int64
    ) {
        let registry = try client(system, "registry", logger: logger)
        let consumers = try Dictionary(uniqueKeysWithValues: PipelineSystem.consumers.map { ($0, try client(system, $0, logger: logger)) })
        let events = (0..<count).map(event)
        let outbox = Outbox(service: "registry")
        let before = try await inboxCounts(consumers)
        let walBefore = try await walPosition(registry)
        let ids = try await registry.withTransaction { connection in
            var ids: [UUID] = []
            for start in stride(from: 0, to: events.count, by: 1000) {
                ids += try await outbox.enqueue(Array(events[start..<min(start + 1000, events.count)]), on: connection)
            }
            return ids
        }
        let committed = Date()
        let processorBefore = ProcessorTime.now(services: system.servicePIDs)
        let machineBefore = MachineTime.now()
        try await waitForEffects(count: ids.count, after: before, in: consumers, since: committed, limit: .seconds(600))
        let processorSeconds = ProcessorTime.now(services: system.servicePIDs).seconds(since: processorBefore)
        let machine = MachineTime.now().share(since: machineBefore)
        let walBytes = try await walPosition(registry) - walBefore
        // The relay's commits are the outbox rows' last writers; each inbox row is committed
        // with its message's effects.
        let relayDone = try await lastCommit(registry, table: "outbox", ids: ids)
        var finished: [String: Double] = [:]
        for (service, client) in consumers {
            finished[service] = try await lastCommit(client, table: "inbox", ids: ids).timeIntervalSince(committed)
        }
        await shutdown([registry] + Array(consumers.values))
        let slowest = finished.values.max() ?? 1
        return (
            Double(count) / slowest, finished.mapValues { Double(count) / $0 }, Double(count) / relayDone.timeIntervalSince(committed),
            processorSeconds, machine, walBytes
        )
    }

    /// Where PostgreSQL's write-ahead log ends, in bytes: one server holds every service's
    /// database, so the difference over a run is what all of them wrote.
    static func walPosition(_ client: PostgresClient) async throws -> Int64 {
        try await client.query("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint")[0].decode(Int64.self, at: 0)
    }

    // MARK: Latency at a steady rate

    /// What one consumer recorded of one event: its transaction's start and commit.
    struct Handling {
        let started: Date
        let committed: Date
    }

    /// Latencies of the events sent at a steady rate, in milliseconds.
    struct Latencies {
        /// Outbox row written to each consumer's commit, one per event and consumer.
        var effects: [Double] = []
        /// Outbox row written to the relay's commit after the broker confirmed it.
        var confirmed: [Double] = []
        /// Outbox row written to the start of each consumer's transaction.
        var handlingStarted: [Double] = []
        /// The machine's busy, idle and stolen shares while the events were written.
        var machine = ""
        /// Processor time per part while the events were written, and how many were.
        var processorSeconds: [String: Double] = [:]
        var written = 0
    }

    /// Commits one event per transaction at `rate` per second for `seconds`; when every
    /// consumer has committed them, reads from PostgreSQL's own records when each event was
    /// written to the outbox, when the relay committed it as sent, and when each consumer's
    /// transaction began and committed. Nothing watches the events while they flow, so the
    /// measurement takes no processor time from the services.
    ///
    /// The events are encoded beforehand and staged in the registry's database; `pgbench`, at
    /// a Poisson-distributed `rate`, moves them to the outbox one single-statement transaction
    /// at a time, so that writing them costs the machine as little as it can.
    static func latency(system: PipelineSystem, rate: Int, seconds: Int, logger: Logger) async throws -> Latencies {
        let registry = try client(system, "registry", logger: logger)
        let consumers = try Dictionary(uniqueKeysWithValues: PipelineSystem.consumers.map { ($0, try client(system, $0, logger: logger)) })
        let staged = rate * seconds * 6 / 5 + 100
        try await registry.query("CREATE TABLE bench_pending (seq bigint PRIMARY KEY, message_id uuid NOT NULL, body text NOT NULL)")
        try await registry.query("CREATE SEQUENCE bench_next")
        for start in stride(from: 1, through: staged, by: 1000) {
            let sequence = Array(start...min(start + 999, staged)).map(Int64.init)
            let messageIDs = sequence.map { _ in UUID.timeOrdered() }
            let bodies = try sequence.map { String(decoding: try ContractCoding.encode(event(Int($0))), as: UTF8.self) }
            try await registry.query(
                """
                INSERT INTO bench_pending (seq, message_id, body)
                SELECT * FROM unnest(\(sequence)::bigint[], \(messageIDs)::uuid[], \(bodies)::text[])
                """)
        }
        let type = CommunityRegistered.eventType.description
        let script = "\(system.logDirectory)/outbox-writer.sql"
        try """
        WITH next AS (SELECT nextval('bench_next') AS seq)
        INSERT INTO outbox (message_id, exchange, routing_key, message_type, body, correlation_id)
        SELECT p.message_id, '\(MessagingNames.eventsExchange)', '\(type)', '\(type)', p.body, p.message_id::text
        FROM bench_pending p JOIN next USING (seq);

        """.write(toFile: script, atomically: true, encoding: .utf8)
        let pgbench = try LocalStack.postgresProgram("pgbench")
        let before = try await inboxCounts(consumers)
        let machineBefore = MachineTime.now()
        let processorBefore = ProcessorTime.now(services: system.servicePIDs)
        let run = try await ChildProcess.run([
            pgbench, "-n", "-f", script, "-c", "8", "-j", "2", "-R", String(rate), "-T", String(seconds), "-M", "prepared",
            try system.databaseURL(system.member("registry").database),
        ])
        let machine = MachineTime.now().share(since: machineBefore)
        let processorSeconds = ProcessorTime.now(services: system.servicePIDs).seconds(since: processorBefore)
        guard run.status == 0 else { throw BenchmarkFailure("pgbench exited with \(run.status): \(run.output)") }
        let ids = try await registry.query("SELECT message_id FROM bench_pending JOIN outbox USING (message_id)").map {
            try $0.decode(UUID.self, at: 0)
        }
        guard ids.count < staged else { throw BenchmarkFailure("pgbench wrote every staged event; stage more") }
        FileHandle.standardError.write(
            Data("  committed \(ids.count) events at \(ids.count / max(1, seconds)) events/s; waiting for the consumers\n".utf8))
        try await waitForEffects(count: ids.count, after: before, in: consumers, since: Date(), limit: .seconds(120))

        var written: [UUID: Date] = [:]
        var latencies = Latencies(machine: machine, processorSeconds: processorSeconds, written: ids.count)
        for row in try await registry.query(
            """
            SELECT o.message_id, o.created_at, pg_xact_commit_timestamp(o.xmin) AS sent
            FROM outbox o JOIN unnest(\(ids)::uuid[]) AS w(message_id) USING (message_id)
            """)
        {
            let id = try row.decode(UUID.self, "message_id")
            let created = try row.decode(Date.self, "created_at")
            written[id] = created
            latencies.confirmed.append(try row.decode(Date.self, "sent").timeIntervalSince(created) * 1000)
        }
        for (_, client) in consumers {
            for row in try await client.query(
                """
                SELECT message_id, handled_at, pg_xact_commit_timestamp(xmin) AS committed
                FROM inbox WHERE message_id = ANY(\(ids))
                """)
            {
                guard let created = written[try row.decode(UUID.self, "message_id")] else { continue }
                latencies.handlingStarted.append(try row.decode(Date.self, "handled_at").timeIntervalSince(created) * 1000)
                latencies.effects.append(try row.decode(Date.self, "committed").timeIntervalSince(created) * 1000)
            }
        }
        await shutdown([registry] + Array(consumers.values))
        return latencies
    }

    /// Messages in each consumer's inbox.
    static func inboxCounts(_ consumers: [String: PostgresClient]) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for (service, client) in consumers {
            counts[service] = try await client.query("SELECT count(*) FROM inbox")[0].decode(Int.self, at: 0)
        }
        return counts
    }

    /// Waits until every consumer's inbox holds `count` more messages than `before`, with a
    /// progress line every few seconds. It looks once a second, and cheaply: the times
    /// reported come from the commit timestamps, not from when this notices.
    static func waitForEffects(
        count: Int, after before: [String: Int], in consumers: [String: PostgresClient], since: Date, limit: Duration
    ) async throws {
        let deadline = ContinuousClock.now + limit
        var lastProgress = ContinuousClock.now
        while true {
            let counts = try await inboxCounts(consumers)
            let done = counts.filter { $0.value - (before[$0.key] ?? 0) >= count }.count
            if done == consumers.count { return }
            guard ContinuousClock.now < deadline else {
                throw BenchmarkFailure("the consumers did not handle every event within \(limit)")
            }
            if ContinuousClock.now - lastProgress > .seconds(2) {
                lastProgress = .now
                FileHandle.standardError.write(
                    Data("  … \(done)/\(consumers.count) consumers done after \(Int(Date().timeIntervalSince(since))) s\n".utf8))
            }
            try await Task.sleep(for: .seconds(1))
        }
    }

    /// The latest commit among the rows of `table` (`outbox` or `inbox`) for these messages.
    static func lastCommit(_ client: PostgresClient, table: String, ids: [UUID]) async throws -> Date {
        try await client.query(
            """
            SELECT max(pg_xact_commit_timestamp(t.xmin))
            FROM \(unsafeSQL: table) t JOIN unnest(\(ids)::uuid[]) AS w(message_id) USING (message_id)
            """
        )[0].decode(Date.self, at: 0)
    }

    // MARK: Baseline

    /// The broker alone: persistent messages of the same size published with confirms, in
    /// batches as the relay sends them, to a topic exchange bound to three quorum queues.
    static func brokerBaseline(amqpURL: String, count: Int, batch: Int, logger: Logger) async throws -> Double {
        let connection = try await AMQPConnection.connect(try AMQPConfiguration(url: amqpURL), logger: logger)
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let exchange = "bench.fanout.\(suffix)"
        let queues = (1...3).map { "bench.fanout.\(suffix).\($0)" }
        try await connection.declare(
            AMQPTopology(
                exchanges: [.topic(exchange)], queues: queues.map { .quorum($0) },
                bindings: queues.map { AMQPBinding(queue: $0, exchange: exchange, routingKey: "#") }))
        let publisher = try await connection.makePublisher()
        let body = Array(try ContractCoding.encode(event(0)))
        let started = ContinuousClock.now
        var sent = 0
        while sent < count {
            let size = min(batch, count - sent)
            let messages = (0..<size).map { _ in
                AMQPMessage(
                    exchange: exchange, routingKey: CommunityRegistered.eventType.description, body: body,
                    properties: AMQPProperties(
                        contentType: "application/json", deliveryMode: .persistent, messageID: UUID().uuidString.lowercased(),
                        type: CommunityRegistered.eventType.description, appID: "registry"))
            }
            try await publisher.publishConfirmed(messages)
            sent += size
        }
        let rate = Double(count) / (ContinuousClock.now - started).inSeconds
        for queue in queues { _ = try? await connection.delete(queue: queue) }
        try? await connection.delete(exchange: exchange)
        await connection.close()
        return rate
    }

    // MARK: Helpers

    static func client(_ system: PipelineSystem, _ service: String, logger: Logger, connections: Int = 2) throws -> PostgresClient {
        PostgresClient(
            configuration: try PostgresConfiguration(
                url: system.databaseURL(system.member(service).database), maximumConnections: connections),
            logger: logger)
    }

    static func shutdown(_ clients: [PostgresClient]) async {
        for client in clients { await client.shutdown() }
    }

    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)]
    }
}

/// A benchmark could not run.
struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
