import Foundation
import Logging

/// A connection to a RabbitMQ broker, owned by a thread of its own.
///
/// Every librabbitmq call for this connection runs on that thread; the methods here hand it
/// requests and await the answers, so they are safe to call from any task. The connection
/// keeps heartbeats going, reconnects with backoff when it is lost, declares again what was
/// declared through it, and resumes its consumers.
///
/// ```swift
/// let connection = try await AMQPConnection.connect(try AMQPConfiguration(url: url), logger: logger)
/// try await connection.declare(AMQPTopology(
///     exchanges: [.topic("p2g.events")],
///     queues: [.quorum("notifications.events", deadLetterExchange: "p2g.dead")],
///     bindings: [AMQPBinding(queue: "notifications.events", exchange: "p2g.events", routingKey: "registry.#")]))
/// let publisher = try await connection.makePublisher()
/// try await publisher.publishConfirmed(messages)
/// ```
public final class AMQPConnection: Sendable {
    /// What the connection was made with.
    public let configuration: AMQPConfiguration
    let mailbox: ConnectionMailbox

    private init(configuration: AMQPConfiguration, mailbox: ConnectionMailbox) {
        self.configuration = configuration
        self.mailbox = mailbox
    }

    deinit {
        mailbox.post(.close(nil))
    }

    /// Opens a connection, or throws one clear error: a bad URL, an unreachable server, wrong
    /// credentials, a missing vhost, a TLS failure. The first attempt is not retried; once
    /// connected, the connection reconnects on its own.
    public static func connect(_ configuration: AMQPConfiguration, logger: Logger) async throws(AMQPError)
        -> AMQPConnection
    {
        let mailbox = try ConnectionMailbox()
        let thread = Thread {
            ConnectionLoop(configuration: configuration, mailbox: mailbox, logger: logger).run()
        }
        thread.name = "amqp \(configuration.connectionName ?? configuration.endpoint)"
        thread.start()
        let connection = AMQPConnection(configuration: configuration, mailbox: mailbox)
        try await connection.request { .start($0) }
        return connection
    }

    /// Where the connection stands: connected since when, or reconnecting since when.
    public var state: AMQPConnectionState { mailbox.connectionState }

    /// Whether the broker currently blocks publishing (connection.blocked: low memory or disk).
    public var isBlocked: Bool { mailbox.isBlocked }

    /// Declares an exchange, and again after every reconnect.
    public func declare(_ exchange: AMQPExchange) async throws(AMQPError) {
        try await request { .declareExchange(exchange, $0) }
    }

    /// Declares a queue, and again after every reconnect; returns its message and consumer counts.
    @discardableResult
    public func declare(_ queue: AMQPQueue) async throws(AMQPError) -> AMQPQueueStatus {
        try await request { .declareQueue(queue, $0) }
    }

    /// Binds a queue to an exchange, and again after every reconnect.
    public func bind(_ binding: AMQPBinding) async throws(AMQPError) {
        try await request { .bind(binding, $0) }
    }

    /// Removes a binding and forgets it.
    public func unbind(_ binding: AMQPBinding) async throws(AMQPError) {
        try await request { .unbind(binding, $0) }
    }

    /// Declares the exchanges, then the queues, then the bindings.
    public func declare(_ topology: AMQPTopology) async throws(AMQPError) {
        for exchange in topology.exchanges {
            try await declare(exchange)
        }
        for queue in topology.queues {
            try await declare(queue)
        }
        for binding in topology.bindings {
            try await bind(binding)
        }
    }

    /// The message and consumer counts of an existing queue (a passive declaration); throws
    /// ``AMQPError/Code/notFound`` if there is no such queue.
    public func queueStatus(_ queue: String) async throws(AMQPError) -> AMQPQueueStatus {
        try await request { .queueStatus(queue, $0) }
    }

    /// Takes one message from the queue, unacknowledged (basic.get), or nil if it is empty:
    /// for tools that inspect and replay dead letters. Acknowledge or reject what it returns.
    public func get(from queue: String) async throws(AMQPError) -> AMQPDelivery? {
        try await request { .get(queue, $0) }
    }

    /// Removes every ready message from the queue; returns how many there were.
    @discardableResult
    public func purge(queue: String) async throws(AMQPError) -> UInt32 {
        try await request { .purge(queue, $0) }
    }

    /// Deletes the queue and forgets it; returns how many messages it held.
    @discardableResult
    public func delete(queue: String) async throws(AMQPError) -> UInt32 {
        try await request { .deleteQueue(queue, $0) }
    }

    /// Deletes the exchange and forgets it.
    public func delete(exchange: String) async throws(AMQPError) {
        try await request { .deleteExchange(exchange, $0) }
    }

    /// A publisher with publisher confirms, on a channel of its own.
    public func makePublisher() async throws(AMQPError) -> AMQPPublisher {
        let id = mailbox.nextID()
        let publisher = AMQPPublisher(connection: self, id: id)
        try await request { .openPublisher(id, $0) }
        return publisher
    }

    /// Starts consuming from a queue that exists (declare it first), with manual
    /// acknowledgements and at most `prefetch` unacknowledged deliveries in hand.
    public func consume(
        from queue: String, prefetch: UInt16 = 50, exclusive: Bool = false, arguments: AMQPTable = [:]
    ) async throws(AMQPError) -> AMQPConsumer {
        let handle = ConsumerHandle(id: mailbox.nextID(), mailbox: mailbox)
        let spec = ConsumerSpec(
            id: handle.id, queue: queue, prefetch: prefetch, exclusive: exclusive, arguments: arguments, handle: handle)
        try await request { .consume(spec, $0) }
        return AMQPConsumer(queue: queue, handle: handle, connection: self)
    }

    /// Closes the connection: consumers' sequences end, unconfirmed publishes fail, requests
    /// waiting for a reconnect fail. Returns when the connection's thread has stopped.
    public func close() async {
        await withCheckedContinuation { continuation in
            mailbox.post(.close(continuation))
        }
    }

    /// Returns when the connection is closed by ``close()``; throws when it gave up (see
    /// ``AMQPConfiguration/Reconnect/giveUpAfter``), so that a service can stop and be
    /// restarted by its supervisor.
    public func waitUntilClosed() async throws(AMQPError) {
        try await mailbox.waitUntilFinished()
    }

    private func request<Value: Sendable>(_ make: (Reply<Value>) -> ConnectionRequest) async throws(AMQPError)
        -> Value
    {
        let result = await withCheckedContinuation { (reply: Reply<Value>) in
            mailbox.post(make(reply))
        }
        return try result.get()
    }
}
