import AMQP
import Contracts
import Foundation
import Logging
import Postgres
import ServiceLifecycle
import Synchronization
import UUIDText

/// Consumes one of a service's work queues (its events, or its commands) with exactly-once
/// effects.
///
/// Deliveries are handled in batches: one transaction records every message id in the inbox
/// and runs the handlers of the ids it had not seen; only after the commit are the deliveries
/// acknowledged, so a redelivered message finds its id and has no second effect. When a batch
/// fails, its messages are handled one by one: a few quick retries in process, then a delayed
/// retry through a TTL delay queue, and after the last delay, parking on `<service>.dead`
/// with the reason. A message that cannot be decoded, has no id, or has a type or version the
/// service does not handle is parked at once. A database that cannot be reached is not a
/// failure of the messages: they wait in hand until it answers again. A message the broker
/// delivers again (it was in hand when a consumer stopped) is handled alone, after its start
/// is counted in a committed row: one whose handler stops the process every time is parked
/// once it has done so three times, and the messages in hand with it are never charged for
/// it. Nothing is acknowledged without having been handled or parked.
public final class MessageConsumer: Service {
    public let service: String
    public let queue: String
    private let handlers: MessageHandlers
    private let postgres: PostgresClient
    private let amqp: AMQPConnection
    private let settings: ServiceSettings.ConsumerSettings
    private let metrics: ServiceMetrics
    private let failPoints: FailPoints
    private let logger: Logger
    private let running = Atomic<Bool>(false)

    init(
        service: String, queue: String, handlers: MessageHandlers, postgres: PostgresClient, amqp: AMQPConnection,
        settings: ServiceSettings.ConsumerSettings, metrics: ServiceMetrics, failPoints: FailPoints = FailPoints(), logger: Logger
    ) {
        self.service = service
        self.queue = queue
        self.handlers = handlers
        self.postgres = postgres
        self.amqp = amqp
        self.settings = settings
        self.metrics = metrics
        self.failPoints = failPoints
        self.logger = logger
    }

    /// Whether the consumer is taking deliveries.
    public var isRunning: Bool { running.load(ordering: .relaxed) }

    public func run() async throws {
        let consumer = try await amqp.consume(from: queue, prefetch: UInt16(clamping: settings.prefetch))
        let publisher = try await amqp.makePublisher()
        running.store(true, ordering: .relaxed)
        defer { running.store(false, ordering: .relaxed) }
        logger.info("consuming", metadata: ["queue": "\(queue)"])
        try await withThrowingTaskGroup(of: Void.self) { group in
            // On SIGTERM: stop taking deliveries; the batch in hand is finished below, and
            // deliveries not yet handed out go back to the queue.
            group.addTask {
                try await gracefulShutdown()
                try? await consumer.cancel()
            }
            while true {
                var batch = try await consumer.next(upTo: settings.batchSize)
                if batch.isEmpty { break }
                if settings.linger > .zero, batch.count < settings.batchSize {
                    // A trickle: a moment's wait lets one transaction carry several messages.
                    try? await Task.sleep(for: settings.linger)
                    batch += consumer.takeAvailable(upTo: settings.batchSize - batch.count)
                }
                await handle(batch, publisher: publisher)
            }
            group.cancelAll()
        }
        logger.info("stopped consuming", metadata: ["queue": "\(queue)"])
    }

    /// A delivery ready to handle: decoded, with its handler. A class: a batch passes through
    /// several lists, and copying the delivery, the event and the context at each step showed
    /// as several percent of a consumer's processor time.
    private final class Prepared: Sendable {
        let delivery: AMQPDelivery
        let context: HandlingContext
        /// `context.type` as it arrived, for the inbox and the metrics.
        let typeName: String
        let message: any Sendable
        let registration: MessageHandlers.Registration

        init(
            delivery: AMQPDelivery, context: HandlingContext, typeName: String, message: any Sendable,
            registration: MessageHandlers.Registration
        ) {
            self.delivery = delivery
            self.context = context
            self.typeName = typeName
            self.message = message
            self.registration = registration
        }
    }

    private enum Preparation {
        case ready(Prepared)
        case park(reason: String, type: String, attempts: Int)
    }

    private func handle(_ batch: [AMQPDelivery], publisher: AMQPPublisher) async {
        var prepared: [Prepared] = []
        var redelivered: [Prepared] = []
        for delivery in batch {
            switch prepare(delivery) {
            case .ready(let item):
                if delivery.redelivered {
                    redelivered.append(item)
                } else {
                    prepared.append(item)
                }
            case .park(let reason, let type, let attempts):
                await park(delivery, reason: reason, type: type, attempts: attempts, publisher: publisher)
            }
        }
        await handleFirstDeliveries(prepared, publisher: publisher)
        for item in redelivered {
            await TraceContext.$current.withValue(item.context.trace) { await handleRedelivered(item, publisher: publisher) }
        }
    }

    /// How many times a redelivered message may be started alone without finishing before it
    /// is parked instead of started again; with the batch it first stopped in, the process
    /// stopped three times under it.
    static let unfinishedStartLimit = 2

    /// A message delivered again: counts the start in a committed row, then handles it alone,
    /// or parks it when its starts never finish.
    private func handleRedelivered(_ item: Prepared, publisher: AMQPPublisher) async {
        let starts: Int
        do {
            // Stopping while the database is unreachable: unacknowledged, it comes again.
            guard let counted = try await whileDatabaseUnreachable({ try await countStart(of: item) }) else { return }
            starts = counted
        } catch {
            logger.warning(
                "cannot count the start of a redelivered message; handling it anyway",
                metadata: ["message_id": "\(item.context.messageID.lowercasedText)", "error": "\(error)"])
            starts = 1
        }
        if starts > Self.unfinishedStartLimit {
            await park(
                item.delivery,
                reason:
                    "handling it stopped the process every time: it was in hand when a consumer stopped, then started alone \(starts - 1) times without finishing",
                type: item.context.type.description, attempts: item.context.attempt, publisher: publisher)
        } else {
            await handleAlone(item, publisher: publisher)
        }
        if starts > 0 {
            _ = try? await postgres.query("DELETE FROM delivery_starts WHERE message_id = \(item.context.messageID)")
        }
    }

    /// Counts one more start of `item` and returns the count, committed before its handler
    /// runs; 0 when the inbox has it already (it was handled, only its acknowledgement was lost).
    private func countStart(of item: Prepared) async throws -> Int {
        let rows = try await postgres.query(
            """
            INSERT INTO delivery_starts (message_id, queue, starts)
            SELECT \(item.context.messageID), \(queue), 1
            WHERE NOT EXISTS (SELECT 1 FROM inbox WHERE message_id = \(item.context.messageID))
            ON CONFLICT (message_id) DO UPDATE SET starts = delivery_starts.starts + 1, last_started_at = now()
            RETURNING starts
            """)
        return try rows.first?.decode(Int.self, at: 0) ?? 0
    }

    /// Messages delivered for the first time: one transaction for them all, and one each when
    /// that fails.
    private func handleFirstDeliveries(_ prepared: [Prepared], publisher: AMQPPublisher) async {
        guard !prepared.isEmpty else { return }
        if prepared.count > 1 {
            do {
                // Handled, or left unacknowledged by a shutdown during a database outage.
                _ = try await handleTogether(prepared)
                return
            } catch {
                logger.debug(
                    "a batch failed; handling its messages one by one",
                    metadata: ["messages": "\(prepared.count)", "error": "\(error)"])
            }
        }
        for item in prepared {
            // Under the message's trace, so that what is logged about its retries and parking
            // shows in the same trace as its producer.
            await TraceContext.$current.withValue(item.context.trace) { await handleAlone(item, publisher: publisher) }
        }
    }

    private func prepare(_ delivery: AMQPDelivery) -> Preparation {
        let properties = delivery.properties
        let attemptsSoFar = Int(properties.headers[MessagingNames.Header.attempts]?.intValue ?? 0)
        let typeName = properties.type ?? delivery.routingKey
        guard delivery.body.count <= settings.maximumBodySize else {
            return .park(
                reason:
                    "the body has \(delivery.body.count) bytes, over this service's limit of \(settings.maximumBodySize) (P2G_CONSUMER_MAX_BODY_BYTES)",
                type: typeName, attempts: attemptsSoFar + 1)
        }
        guard let messageIDText = properties.messageID, let messageID = UUID(hyphenatedText: messageIDText) else {
            return .park(reason: "the message has no message_id, or it is not a UUID", type: typeName, attempts: attemptsSoFar + 1)
        }
        let type: MessageType
        let registration: MessageHandlers.Registration
        if let known = handlers.registrationsByName[typeName] {
            (type, registration) = known
        } else {
            guard let parsed = try? MessageType(parsing: typeName) else {
                return .park(
                    reason: "'\(typeName)' is not a message type of the form <service>.<name>.v<N>", type: typeName,
                    attempts: attemptsSoFar + 1)
            }
            return .park(reason: handlers.refusal(for: parsed), type: typeName, attempts: attemptsSoFar + 1)
        }
        let message: any Sendable
        do {
            message = try registration.decode(delivery.body)
        } catch {
            return .park(
                reason: "the body does not decode as \(type): \(Self.describe(error))", type: typeName, attempts: attemptsSoFar + 1)
        }
        let trace = properties.headers[MessagingNames.Header.traceparent]?.stringValue.flatMap(TraceContext.init(traceparent:))
        let context = HandlingContext(
            messageID: messageID, type: type, correlationID: properties.correlationID, trace: trace?.child(),
            attempt: attemptsSoFar + 1, queue: queue)
        return .ready(Prepared(delivery: delivery, context: context, typeName: typeName, message: message, registration: registration))
    }

    /// One transaction for the whole batch; throws (having rolled back) if any handler throws.
    /// Returns false, leaving the batch unacknowledged, when the service stops while the
    /// database is unreachable.
    private func handleTogether(_ items: [Prepared]) async throws -> Bool {
        guard let (fresh, elapsed) = try await whileDatabaseUnreachable({ try await timedTransaction(items) }) else { return false }
        failPoints.reach(.consumerAfterCommit, logger: logger)
        for item in items { await acknowledge(item.delivery) }
        record(items, fresh: fresh, elapsed: elapsed)
        return true
    }

    private func handleAlone(_ item: Prepared, publisher: AMQPPublisher) async {
        var lastError: Error?
        for quickRetry in 0...settings.quickRetries {
            do {
                // Stopping while the database is unreachable: unacknowledged, it comes again.
                guard let (fresh, elapsed) = try await whileDatabaseUnreachable({ try await timedTransaction([item]) }) else { return }
                failPoints.reach(.consumerAfterCommit, logger: logger)
                await acknowledge(item.delivery)
                record([item], fresh: fresh, elapsed: elapsed)
                return
            } catch let error as PostgresError where error.meansValueRefused {
                // The database refuses one of the message's values (NUL in text, say): it
                // would refuse it on every attempt.
                await park(
                    item.delivery, reason: "the database refuses a value of the message: \(error)", type: item.context.type.description,
                    attempts: item.context.attempt, publisher: publisher)
                return
            } catch let failure as PermanentFailure {
                await park(
                    item.delivery, reason: failure.reason, type: item.context.type.description, attempts: item.context.attempt,
                    publisher: publisher)
                return
            } catch {
                lastError = error
                if quickRetry < settings.quickRetries {
                    try? await Task.sleep(for: .milliseconds(50 << quickRetry))
                }
            }
        }
        let reason = lastError.map(Self.describe) ?? "unknown failure"
        let attempt = item.context.attempt
        guard attempt <= settings.retryDelays.count else {
            await park(item.delivery, reason: reason, type: item.context.type.description, attempts: attempt, publisher: publisher)
            return
        }
        let delay = settings.retryDelays[attempt - 1]
        var properties = item.delivery.properties
        properties.headers[MessagingNames.Header.attempts] = .int(Int64(attempt))
        let retry = AMQPMessage(
            exchange: MessagingNames.retryExchange, routingKey: MessagingTopology.retryQueue(workQueue: queue, delay: delay),
            body: item.delivery.body,
            properties: properties, mandatory: true)
        do {
            try await publisher.publishConfirmed(retry)
            failPoints.reach(.consumerAfterRetryPublished, logger: logger)
            await acknowledge(item.delivery)
            metrics.messageRetried(type: item.context.type.description, stage: "\(attempt)")
            logger.warning(
                "message failed; retrying later",
                metadata: [
                    "message_id": "\(item.context.messageID.lowercasedText)", "type": "\(item.context.type)", "attempt": "\(attempt)",
                    "retry_in": "\(delay)", "error": "\(reason)",
                ])
        } catch {
            // Not acknowledged: the broker delivers it again.
            logger.error("cannot schedule a retry; returning the message to the queue", metadata: ["error": "\(error)"])
            try? await item.delivery.nack(requeue: true)
        }
    }

    /// Runs `attempt` again for as long as it fails because the database cannot be reached.
    ///
    /// An unreachable database is not the messages' fault: counting it as their failure would
    /// send every message in hand through the delay queues and, in a long enough outage, park
    /// them all. So they stay in hand, unacknowledged, until the database answers again; the
    /// watchdog stops the service if it stays away longer than `P2G_MAX_DISCONNECTED`. Returns
    /// nil when a graceful shutdown comes meanwhile: the messages are left unacknowledged and
    /// the broker delivers them again.
    private func whileDatabaseUnreachable<Value>(_ attempt: () async throws -> Value) async throws -> Value? {
        var delay = Duration.milliseconds(100)
        var waited = false
        while true {
            do {
                let value = try await attempt()
                if waited { logger.info("database reachable again; handling resumes") }
                return value
            } catch let error as PostgresError where error.meansServerUnreachable {
                if Task.isCancelledOrShuttingDown { return nil }
                if !waited {
                    logger.warning(
                        "database unreachable; keeping the messages in hand until it is back", metadata: ["error": "\(error)"])
                    waited = true
                }
                let pause = delay
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
                delay = min(delay * 2, .seconds(5))
            }
        }
    }

    /// ``runInTransaction(_:)`` and how long it took.
    private func timedTransaction(_ items: [Prepared]) async throws -> (fresh: Set<UUID>, elapsed: Duration) {
        let started = ContinuousClock.now
        let fresh = try await runInTransaction(items)
        return (fresh, ContinuousClock.now - started)
    }

    /// Records the ids in the inbox and hands the messages not seen before to their handlers, a
    /// run of consecutive messages of one type at a time, in delivery order; returns the ids
    /// that were new.
    ///
    /// Nearly always every message is new. So the batch is first tried as if it were: the
    /// inbox rows, the handlers' statements and the `COMMIT` go to the server in one round
    /// trip. An id already in the inbox fails that transaction, which then keeps nothing, and
    /// the batch goes again the careful way: the inbox says which ids are new before any
    /// handler runs.
    private func runInTransaction(_ items: [Prepared]) async throws -> Set<UUID> {
        let ids = items.map(\.context.messageID)
        let types = items.map(\.typeName)
        let distinct = Set(ids)
        if failPoints.inboxUnchecked {
            // Broken on purpose, for the tests that must fail without the inbox: every message
            // is handled as new, whatever the inbox holds.
            try await postgres.withTransaction { connection in
                try await connection.pipeline(recordInInbox(ids, types, then: "ON CONFLICT (message_id) DO NOTHING"))
                try await runHandlers(items[...], on: connection)
            }
            return distinct
        }
        if distinct.count == ids.count {
            do {
                try await postgres.withTransaction { connection in
                    try await connection.pipeline(recordInInbox(ids, types))
                    try await runHandlers(items[...], on: connection)
                }
                return distinct
            } catch let error as PostgresError where error.code == .uniqueViolation && error.constraint == "inbox_pkey" {
                logger.debug("a batch holds messages handled before; sorting them out", metadata: ["messages": "\(items.count)"])
            }
        }
        return try await postgres.withTransaction { connection in
            let inserted = try await connection.query(
                recordInInbox(ids, types, then: "ON CONFLICT (message_id) DO NOTHING RETURNING message_id"))
            var fresh = Set<UUID>()
            for row in inserted { fresh.insert(try row.decode(UUID.self, at: 0)) }
            var taken = Set<UUID>()
            let new = items.filter { fresh.contains($0.context.messageID) && taken.insert($0.context.messageID).inserted }
            try await runHandlers(new[...], on: connection)
            return fresh
        }
    }

    /// The INSERT of `ids` into the inbox, followed by the clauses in `then`.
    private func recordInInbox(_ ids: [UUID], _ types: [String], then clauses: String = "") -> PostgresQuery {
        """
        INSERT INTO inbox (message_id, message_type, queue)
        SELECT id, type, \(queue) FROM unnest(\(ids)::uuid[], \(types)::text[]) AS m(id, type)
        \(unsafeSQL: clauses)
        """
    }

    /// Hands `items` to their handlers, a run of consecutive messages of one type at a time.
    private func runHandlers(_ items: ArraySlice<Prepared>, on connection: PostgresConnection) async throws {
        var start = items.startIndex
        while start < items.endIndex {
            let type = items[start].context.type
            let end = items[start...].firstIndex { $0.context.type != type } ?? items.endIndex
            let run = items[start..<end]
            try await TraceContext.$current.withValue(run.count == 1 ? run[start].context.trace : nil) {
                try await run[start].registration.handle(run.map { ($0.message, $0.context) }, connection)
            }
            start = end
        }
    }

    private func record(_ items: [Prepared], fresh: Set<UUID>, elapsed: Duration) {
        let share = items.isEmpty ? elapsed : elapsed / items.count
        var handled: [String: Int] = [:]
        var duplicates: [String: Int] = [:]
        var counted = Set<UUID>()
        for item in items {
            let type = item.typeName
            if fresh.contains(item.context.messageID), counted.insert(item.context.messageID).inserted {
                handled[type, default: 0] += 1
            } else {
                duplicates[type, default: 0] += 1
            }
        }
        for (type, count) in handled {
            metrics.messagesHandled(count, type: type)
            metrics.handlerLatency(share, type: type, count: count)
        }
        for (type, count) in duplicates { metrics.duplicatesSkipped(count, type: type) }
    }

    /// Publishes the message to `p2g.dead` with the reason, then acknowledges it; if the broker
    /// does not confirm, the message goes back to its queue instead.
    private func park(_ delivery: AMQPDelivery, reason: String, type: String, attempts: Int, publisher: AMQPPublisher) async {
        var properties = delivery.properties
        properties.headers[MessagingNames.Header.error] = .string(String(reason.prefix(2000)))
        properties.headers[MessagingNames.Header.attempts] = .int(Int64(attempts))
        properties.headers[MessagingNames.Header.failedAt] = .string(ContractCoding.formatInstant(Date()))
        properties.headers[MessagingNames.Header.originalQueue] = .string(queue)
        properties.deliveryMode = .persistent
        let parked = AMQPMessage(
            exchange: MessagingNames.deadLetterExchange, routingKey: service, body: delivery.body, properties: properties,
            mandatory: true)
        do {
            try await publisher.publishConfirmed(parked)
            failPoints.reach(.consumerAfterParkPublished, logger: logger)
            await acknowledge(delivery)
            metrics.messageParked(type: type, reason: attempts > 1 ? "retries-exhausted" : "rejected")
            logger.error(
                "message parked",
                metadata: [
                    "message_id": "\(delivery.properties.messageID ?? "none")", "type": "\(type)", "attempts": "\(attempts)",
                    "reason": "\(reason)", "dead_letter_queue": "\(MessagingNames.deadLetterQueue(service: service))",
                ])
        } catch {
            logger.error("cannot park a message; returning it to the queue", metadata: ["error": "\(error)"])
            try? await delivery.nack(requeue: true)
        }
    }

    private func acknowledge(_ delivery: AMQPDelivery) async {
        do {
            try await delivery.ack()
        } catch {
            // Its effects are committed; the broker redelivers it and the inbox skips it.
            logger.info("acknowledgement lost; the message will come again and be skipped", metadata: ["error": "\(error)"])
        }
    }

    /// An error in one line, without the debug detail that can quote personal data.
    static func describe(_ error: Error) -> String {
        if let decoding = error as? DecodingError {
            switch decoding {
            case .keyNotFound(let key, let context):
                return "missing field \((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))"
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                let path = context.codingPath.map(\.stringValue).joined(separator: ".")
                return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
            @unknown default:
                return "\(decoding)"
            }
        }
        return "\(error)"
    }
}
