import AMQP
import Contracts
import Foundation
import Logging
import Postgres
import ServiceKit
import Synchronization

/// Events from the registry's outbox to committed effects in all three consumers, next to the
/// broker's own publish-with-confirms rate for the same fan-out, measured in the same run.
enum PipelineBenchmark {
    struct Options {
        var events = 20_000
        var rate = 1_000
        var seconds = 20
    }

    /// Each consumer's read-model table, where one row appears per event.
    static let effectTables = ["matching": "candidate_communities", "scheduling": "community_locations", "notifications": "recipients"]

    static func event(_ index: Int) -> CommunityRegistered {
        CommunityRegistered(
            communityId: UUID(), name: "Community \(index)", kind: index.isMultiple(of: 2) ? .israeliLocality : .globalCommunity,
            country: index.isMultiple(of: 2) ? "IL" : "US", region: index.isMultiple(of: 2) ? "Western Negev" : "Iowa",
            timeZone: index.isMultiple(of: 2) ? "Asia/Jerusalem" : "America/Chicago",
            coordinates: Coordinates(latitude: 31.5 + Double(index % 100) / 1000, longitude: 34.6), languages: ["he", "en"],
            contactEmail: "coordinator\(index)@community.example", registeredAt: Date())
    }

    // MARK: Throughput

    /// Commits `count` events to the outbox in one transaction, then waits until every
    /// consumer has committed all of them; returns events per second from that commit.
    static func throughput(
        system: PipelineSystem, count: Int, logger: Logger
    ) async throws -> (rate: Double, perConsumer: [String: Double], relayRate: Double) {
        let registry = try client(system, "registry", logger: logger)
        let consumers = try Dictionary(uniqueKeysWithValues: PipelineSystem.consumers.map { ($0, try client(system, $0, logger: logger)) })
        var before: [String: Int] = [:]
        for (service, client) in consumers { before[service] = try await effects(client, service) }
        let events = (0..<count).map(event)
        let outbox = Outbox(service: "registry")
        try await registry.withTransaction { connection in
            for start in stride(from: 0, to: events.count, by: 1000) {
                try await outbox.enqueue(Array(events[start..<min(start + 1000, events.count)]), on: connection)
            }
        }
        let committed = ContinuousClock.now
        var finished: [String: Double] = [:]
        var relayFinished: Double?
        var lastProgress = ContinuousClock.now
        while finished.count < consumers.count || relayFinished == nil {
            if relayFinished == nil,
                try await registry.query("SELECT count(*) FROM outbox WHERE sent_at IS NULL")[0].decode(Int.self, at: 0) == 0
            {
                relayFinished = (ContinuousClock.now - committed).inSeconds
            }
            for (service, client) in consumers where finished[service] == nil {
                if try await effects(client, service) - (before[service] ?? 0) >= count {
                    finished[service] = (ContinuousClock.now - committed).inSeconds
                }
            }
            if ContinuousClock.now - lastProgress > .seconds(2) {
                lastProgress = .now
                FileHandle.standardError.write(Data("  … \(finished.count)/\(consumers.count) consumers done after \(Int((ContinuousClock.now - committed).inSeconds)) s\n".utf8))
            }
            guard ContinuousClock.now - committed < .seconds(600) else { throw BenchmarkFailure("events did not arrive within 10 minutes") }
            try await Task.sleep(for: .milliseconds(10))
        }
        await shutdown([registry] + Array(consumers.values))
        let slowest = finished.values.max() ?? 1
        return (Double(count) / slowest, finished.mapValues { Double(count) / $0 }, Double(count) / (relayFinished ?? slowest))
    }

    // MARK: Latency at a steady rate

    /// Commits one event per transaction at `rate` per second for `seconds`, and measures for
    /// each event and consumer the time from the outbox commit to the consumer's commit (a
    /// trigger in the consumer's database notifies at commit).
    static func latency(
        system: PipelineSystem, rate: Int, seconds: Int, amqpURL: String, logger: Logger
    ) async throws -> (effects: [Duration], deliveries: [Duration]) {
        // Enough concurrent writers that each one's commit wait does not hold the rate back.
        let writers = max(4, rate / 80)
        let registry = try client(system, "registry", logger: logger, connections: writers)
        let consumers = try Dictionary(uniqueKeysWithValues: PipelineSystem.consumers.map { ($0, try client(system, $0, logger: logger)) })
        let times = Timings()
        let total = rate * seconds

        let latencies = try await withThrowingTaskGroup(of: Void.self) { group in
            for (service, client) in consumers {
                let table = effectTables[service] ?? ""
                try await client.withConnection { connection in
                    try await connection.executeScript(
                        unsafeSQL: """
                    CREATE OR REPLACE FUNCTION bench_effect_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN PERFORM pg_notify('bench_effect', NEW.community_id::text); RETURN NULL; END $$;
                    DROP TRIGGER IF EXISTS bench_effect_notify ON \(table);
                    CREATE TRIGGER bench_effect_notify AFTER INSERT ON \(table)
                        FOR EACH ROW EXECUTE FUNCTION bench_effect_notify();
                    """)
                }
                let stream = try await client.listen(to: ["bench_effect"])
                group.addTask {
                    for await notification in stream {
                        let now = ContinuousClock.now
                        times.arrivals.withLock { $0[notification.payload, default: []].append(now) }
                    }
                }
            }
            // A tap on p2g.events: when each message reaches a consumer, before any handling.
            let tap = try await AMQPConnection.connect(try AMQPConfiguration(url: amqpURL), logger: logger)
            let tapQueue = "bench.tap.\(UUID().uuidString.prefix(8).lowercased())"
            try await tap.declare(
                AMQPTopology(
                    queues: [AMQPQueue(name: tapQueue, durable: false, exclusive: true, autoDelete: true)],
                    bindings: [AMQPBinding(queue: tapQueue, exchange: "p2g.events", routingKey: "#")]))
            let tapConsumer = try await tap.consume(from: tapQueue, prefetch: 1000)
            group.addTask {
                for try await delivery in tapConsumer {
                    let now = ContinuousClock.now
                    if let event = try? ContractCoding.decode(CommunityRegistered.self, from: Data(delivery.body)) {
                        times.deliveries.withLock { $0[event.communityId.uuidString.lowercased()] = now }
                    }
                    try? await delivery.ack()
                }
            }
            let outbox = Outbox(service: "registry")
            let started = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { writersGroup in
                for writer in 0..<writers {
                    writersGroup.addTask {
                        var index = writer
                        while index < total {
                            let due = started + .seconds(Double(index) / Double(rate))
                            if due > ContinuousClock.now { try await Task.sleep(until: due) }
                            let event = event(index)
                            try await registry.withTransaction { connection in
                                try await outbox.enqueue(event, on: connection)
                            }
                            let committed = ContinuousClock.now
                            times.commits.withLock { $0[event.communityId.uuidString.lowercased()] = committed }
                            index += writers
                        }
                    }
                }
                try await writersGroup.waitForAll()
            }
            let achievedRate = Double(total) / (ContinuousClock.now - started).inSeconds
            FileHandle.standardError.write(Data("  committed \(total) events at \(Int(achievedRate)) events/s; waiting for the consumers\n".utf8))
            let deadline = ContinuousClock.now + .seconds(120)
            while times.arrivals.withLock({ $0.values.reduce(0) { $0 + $1.count } }) < total * consumers.count {
                guard ContinuousClock.now < deadline else { throw BenchmarkFailure("not every effect arrived within 2 minutes") }
                try await Task.sleep(for: .milliseconds(50))
            }
            try? await tapConsumer.cancel()
            await tap.close()
            group.cancelAll()
            let commitTimes = times.commits.withLock { $0 }
            let effects = times.arrivals.withLock { arrivals in
                arrivals.flatMap { id, times in times.compactMap { arrival in commitTimes[id].map { arrival - $0 } } }
            }
            let deliveries = times.deliveries.withLock { deliveries in
                deliveries.compactMap { id, arrival in commitTimes[id].map { arrival - $0 } }
            }
            return (effects, deliveries)
        }
        await shutdown([registry] + Array(consumers.values))
        return latencies
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
            configuration: try PostgresConfiguration(url: system.databaseURL(system.member(service).database), maximumConnections: connections),
            logger: logger)
    }

    static func effects(_ client: PostgresClient, _ service: String) async throws -> Int {
        try await client.query("SELECT count(*) FROM \(unsafeSQL: effectTables[service] ?? "")")[0].decode(Int.self, at: 0)
    }

    static func shutdown(_ clients: [PostgresClient]) async {
        for client in clients { await client.shutdown() }
    }

    static func percentile(_ sorted: [Duration], _ fraction: Double) -> Duration {
        guard !sorted.isEmpty else { return .zero }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)]
    }
}

/// When each event was committed to the outbox, and when each consumer committed it.
final class Timings: Sendable {
    let commits = Mutex<[String: ContinuousClock.Instant]>([:])
    let arrivals = Mutex<[String: [ContinuousClock.Instant]]>([:])
    let deliveries = Mutex<[String: ContinuousClock.Instant]>([:])
}

/// A benchmark could not run.
struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
