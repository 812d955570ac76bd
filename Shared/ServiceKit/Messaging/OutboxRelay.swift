import AMQP
import Contracts
import Foundation
import Logging
import Postgres
import ServiceLifecycle
import UUIDText

/// Publishes the outbox: claims unsent rows in batches (`FOR UPDATE SKIP LOCKED`, so several
/// workers and several instances share the work without sending a row twice at once),
/// publishes them with publisher confirms, and marks as sent only the rows the broker
/// confirmed. Woken by the outbox trigger's NOTIFY, with polling as the fallback; also records
/// the backlog and deletes sent rows after the retention period. On graceful shutdown it
/// publishes what is left, then stops.
///
/// With more than one worker (and with more than one instance), events are not published in
/// exactly the order they were written; consumers must not rely on that order.
public final class OutboxRelay: Service {
    private let postgres: PostgresClient
    private let amqp: AMQPConnection
    private let settings: ServiceSettings.OutboxSettings
    private let metrics: ServiceMetrics
    private let failPoints: FailPoints
    private let logger: Logger
    /// The first worker's: every NOTIFY rings it. Events that arrive while it publishes wait
    /// for its next batch, so a trickle of events goes out in a few batches, not one each.
    private let notified = Doorbell()
    /// The other workers': a worker that claims a full batch wakes one of them to claim the
    /// next while it publishes, so a backlog has several batches in flight.
    private let helpers = Doorbell()
    /// The last backlog reading, for readiness.
    let backlog = BacklogReading()

    public init(
        postgres: PostgresClient, amqp: AMQPConnection, settings: ServiceSettings.OutboxSettings, metrics: ServiceMetrics,
        failPoints: FailPoints = FailPoints(), logger: Logger
    ) {
        self.postgres = postgres
        self.amqp = amqp
        self.settings = settings
        self.metrics = metrics
        self.failPoints = failPoints
        self.logger = logger
    }

    public func run() async throws {
        let stopping = StopFlag()
        try await withGracefulShutdownHandler {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await self.ringOnNotifications() }
                group.addTask { try await self.housekeeping(until: stopping) }
                try await withThrowingTaskGroup(of: Void.self) { workers in
                    for worker in 0..<max(1, self.settings.workers) {
                        let doorbell = worker == 0 ? self.notified : self.helpers
                        workers.addTask { try await self.relay(doorbell: doorbell, until: stopping) }
                    }
                    try await workers.waitForAll()
                }
                if amqp.state.isConnected {
                    logger.info("outbox relay stopped")
                } else {
                    logger.warning("outbox relay stopped without the broker; unsent events stay in the outbox for the next start")
                }
                group.cancelAll()
            }
        } onGracefulShutdown: {
            stopping.set()
            self.notified.ringAll()
            self.helpers.ringAll()
        }
    }

    /// Wakes the first worker on every NOTIFY of the outbox trigger. A database that cannot be
    /// reached right now (at start, say) is no reason to stop the service: until LISTEN is in
    /// place, polling alone drives the relay, and the watchdog decides when the database has
    /// been gone too long.
    private func ringOnNotifications() async {
        var delay = Duration.milliseconds(100)
        var failures = 0
        while !Task.isCancelled {
            do {
                let notifications = try await postgres.listen(to: [MessagingMigrations.outboxChannel])
                for await _ in notifications {
                    notified.ring()
                }
                return
            } catch {
                failures += 1
                if failures == 1 || failures % 30 == 0 {
                    logger.warning(
                        "cannot listen for new outbox rows yet; polling meanwhile",
                        metadata: ["error": "\(error)", "failures": "\(failures)"])
                }
                try? await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(5))
            }
        }
    }

    /// Publishes until asked to stop, then once more until the outbox is empty (or the broker
    /// cannot take it).
    private func relay(doorbell: Doorbell, until stopping: StopFlag) async throws {
        // Opened when first needed, while the broker is connected: a connection that breaks
        // while the channel opens is then one more failure to try again after, not the end of
        // the worker (which had left the others waiting for it, spinning).
        var publisher: AMQPPublisher?
        var failures = 0
        while !stopping.isSet, !Task.isCancelled {
            // Rows are claimed only while the broker can take them: a publish waits for a lost
            // connection to come back, or for the broker's memory or disk alarm to clear, and
            // the claiming transaction would stay open as long.
            guard amqp.state.isConnected, !amqp.isBlocked else {
                await doorbell.wait(timeout: settings.pollInterval)
                continue
            }
            do {
                let current: AMQPPublisher
                if let publisher {
                    current = publisher
                } else {
                    current = try await amqp.makePublisher()
                    publisher = current
                }
                let outcome = try await publishBatch(with: current)
                failures = 0
                if outcome.claimed == settings.batchSize, outcome.confirmed > 0 { continue }
                if outcome.confirmed < outcome.claimed {
                    // The broker refused some: wait before trying them again.
                    await doorbell.wait(timeout: settings.pollInterval)
                    continue
                }
            } catch {
                failures += 1
                if failures == 1 || failures % 30 == 0 {
                    logger.warning("outbox relay cannot publish yet", metadata: ["error": "\(error)", "failures": "\(failures)"])
                }
            }
            await doorbell.wait(timeout: settings.pollInterval)
            if settings.linger > .zero, !stopping.isSet {
                // New rows: a moment's wait lets the next claim take the ones right behind them.
                try? await Task.sleep(for: settings.linger)
            }
        }
        // Shutting down: flush what is there, for as long as it makes progress. Without the
        // broker, the rows stay in the outbox for the next start.
        while amqp.state.isConnected {
            if publisher == nil { publisher = try? await amqp.makePublisher() }
            guard let current = publisher, let outcome = try? await publishBatch(with: current), outcome.confirmed > 0 else { break }
        }
    }

    /// Claims one batch, publishes it, and marks what the broker confirmed.
    func publishBatch(with publisher: AMQPPublisher) async throws -> (claimed: Int, confirmed: Int) {
        try await postgres.withTransaction { connection in
            let rows = try await connection.query(
                """
                SELECT id, message_id, exchange, routing_key, message_type, body, correlation_id, causation_id,
                       traceparent, created_at
                FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT \(settings.batchSize)
                FOR UPDATE SKIP LOCKED
                """)
            guard !rows.isEmpty else { return (0, 0) }
            // More may be waiting: another worker claims the next batch while this one publishes.
            if rows.count == settings.batchSize { helpers.ring() }
            var ids: [Int64] = []
            var messages: [AMQPMessage] = []
            ids.reserveCapacity(rows.count)
            messages.reserveCapacity(rows.count)
            for row in rows {
                ids.append(try row.decode(Int64.self, "id"))
                var headers: AMQPTable = [:]
                if let traceparent = try row.decode(String?.self, "traceparent") {
                    headers[MessagingNames.Header.traceparent] = .string(traceparent)
                }
                if let causation = try row.decode(String?.self, "causation_id") {
                    headers[MessagingNames.Header.causationID] = .string(causation)
                }
                let properties = AMQPProperties(
                    contentType: "application/json", headers: headers, deliveryMode: .persistent,
                    correlationID: try row.decode(String?.self, "correlation_id"),
                    messageID: try row.decode(UUID.self, "message_id").lowercasedText,
                    timestamp: try row.decode(Date.self, "created_at"), type: try row.decode(String.self, "message_type"),
                    appID: outboxService)
                messages.append(
                    AMQPMessage(
                        exchange: try row.decode(String.self, "exchange"), routingKey: try row.decode(String.self, "routing_key"),
                        body: Array(try row.decode(String.self, "body").utf8), properties: properties))
            }
            let results = await publisher.publish(messages)
            var confirmed: [Int64] = []
            confirmed.reserveCapacity(ids.count)
            var firstFailure: AMQPPublishError?
            for (index, result) in results.enumerated() {
                switch result {
                case .success: confirmed.append(ids[index])
                case .failure(let error): firstFailure = firstFailure ?? error
                }
            }
            if !confirmed.isEmpty {
                try await connection.pipeline("UPDATE outbox SET sent_at = now() WHERE id = ANY(\(confirmed))")
            }
            if let firstFailure {
                logger.warning(
                    "the broker did not confirm some outbox messages; they stay unsent",
                    metadata: ["unconfirmed": "\(ids.count - confirmed.count)", "error": "\(firstFailure)"])
            }
            metrics.outboxPublished(count: confirmed.count)
            if !confirmed.isEmpty { failPoints.reach(.relayAfterConfirm, logger: logger) }
            return (rows.count, confirmed.count)
        }
    }

    /// The service name the rows were written by (the `app_id`): the metrics' service label.
    private var outboxService: String { metrics.service }

    /// Every few seconds: the backlog for metrics and readiness; every minute: deleting sent
    /// rows older than the retention period, and inbox and delivery-start rows older than ten
    /// times that.
    private func housekeeping(until stopping: StopFlag) async throws {
        var lastCleanup = ContinuousClock.now - .seconds(3600)
        while !stopping.isSet {
            do {
                let row = try await postgres.query(
                    """
                    SELECT count(*) AS backlog,
                           COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - min(created_at)), 0)::float8 AS oldest
                    FROM outbox WHERE sent_at IS NULL
                    """)[0]
                let count = try row.decode(Int.self, "backlog")
                let oldest = try row.decode(Double.self, "oldest")
                metrics.outboxBacklog(count: count, oldestAgeSeconds: oldest)
                backlog.record(count: count, oldestAgeSeconds: oldest)
                if ContinuousClock.now - lastCleanup > .seconds(60) {
                    lastCleanup = .now
                    let retention = settings.retention.inSeconds
                    let deleted = try await postgres.query(
                        "DELETE FROM outbox WHERE sent_at < now() - make_interval(secs => \(retention))"
                    ).affectedRows
                    try await postgres.query(
                        "DELETE FROM inbox WHERE handled_at < now() - make_interval(secs => \(retention * 10))")
                    try await postgres.query(
                        "DELETE FROM delivery_starts WHERE last_started_at < now() - make_interval(secs => \(retention * 10))")
                    if deleted > 0 { logger.debug("deleted sent outbox rows", metadata: ["rows": "\(deleted)"]) }
                }
            } catch {
                logger.debug("outbox housekeeping failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: .seconds(2))
        }
    }
}
