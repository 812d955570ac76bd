import Synchronization

/// The deliveries from one queue, as an asynchronous sequence, on a channel of their own.
///
/// ```swift
/// let consumer = try await connection.consume(from: "notifications.events", prefetch: 50)
/// for try await delivery in consumer {
///     try await handle(delivery)
///     try await delivery.ack()
/// }
/// ```
/// After a reconnect the consumer resumes on its own. The sequence ends normally after
/// ``cancel()`` or when the connection closes, and throws when the broker cancelled the
/// consumer and it could not be resumed, or the connection gave up.
public final class AMQPConsumer: AsyncSequence, Sendable {
    public typealias Element = AMQPDelivery
    public typealias Failure = AMQPError

    /// The queue it consumes from.
    public let queue: String
    private let handle: ConsumerHandle
    /// Keeps the connection open while the consumer is in use.
    private let connection: AMQPConnection

    init(queue: String, handle: ConsumerHandle, connection: AMQPConnection) {
        self.queue = queue
        self.handle = handle
        self.connection = connection
    }

    /// Stops the deliveries: the sequence ends (a task waiting for the next delivery gets
    /// nil). Deliveries already handed out can still be acknowledged; those not yet handed out
    /// go back to the queue.
    public func cancel() async throws(AMQPError) {
        let id = handle.id
        let result = await withCheckedContinuation { (reply: Reply<Void>) in
            handle.mailbox.post(.cancelConsumer(id, reply))
        }
        try result.get()
    }

    /// Waits for the next delivery, then also takes the ones already received after it, up to
    /// `maximum` in all: a batch to handle together. Empty when the sequence ended or the task
    /// was cancelled.
    public func next(upTo maximum: Int) async throws(AMQPError) -> [AMQPDelivery] {
        guard let first = try await handle.buffer.next() else { return [] }
        return [first] + handle.buffer.takeAvailable(maximum: Swift.max(0, maximum - 1))
    }

    /// Up to `maximum` deliveries already received, without waiting; empty when there are none.
    public func takeAvailable(upTo maximum: Int) -> [AMQPDelivery] {
        handle.buffer.takeAvailable(maximum: Swift.max(0, maximum))
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(handle: handle)
    }

    /// Takes the deliveries one at a time.
    public struct Iterator: AsyncIteratorProtocol {
        public typealias Element = AMQPDelivery
        public typealias Failure = AMQPError

        let handle: ConsumerHandle

        /// The next delivery; nil when the sequence ended or the task was cancelled.
        public mutating func next() async throws(AMQPError) -> AMQPDelivery? {
            try await handle.buffer.next()
        }

        public mutating func next(isolation actor: isolated (any Actor)?) async throws(AMQPError) -> AMQPDelivery? {
            try await handle.buffer.next()
        }
    }
}

/// What a consumer's sequence and deliveries share; when the last of them goes, the
/// connection's thread closes the consumer's channel.
final class ConsumerHandle: Sendable {
    let id: UInt64
    let mailbox: ConnectionMailbox
    let buffer = DeliveryBuffer()
    /// The incarnation of the consumer's channel while it is open, 0 while it has none: lets
    /// an acknowledgement tell at once whether its delivery went stale.
    let liveIncarnation = Atomic<UInt64>(0)

    init(id: UInt64, mailbox: ConnectionMailbox) {
        self.id = id
        self.mailbox = mailbox
    }

    deinit {
        mailbox.post(.releaseConsumer(id))
    }
}
