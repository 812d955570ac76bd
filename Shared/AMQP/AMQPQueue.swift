/// A queue to declare.
public struct AMQPQueue: Sendable, Hashable {
    /// The queue's name.
    public var name: String
    /// Whether it survives a broker restart.
    public var durable: Bool
    /// Whether only this connection may use it (and the broker deletes it when it closes).
    public var exclusive: Bool
    /// Whether the broker deletes it when its last consumer goes.
    public var autoDelete: Bool
    /// Arguments: `x-queue-type`, `x-dead-letter-exchange`, `x-message-ttl`, ...
    public var arguments: AMQPTable

    /// A queue with the given name and arguments; durable by default.
    public init(
        name: String, durable: Bool = true, exclusive: Bool = false, autoDelete: Bool = false,
        arguments: AMQPTable = [:]
    ) {
        self.name = name
        self.durable = durable
        self.exclusive = exclusive
        self.autoDelete = autoDelete
        self.arguments = arguments
    }

    /// A durable quorum queue, the kind this project uses.
    ///
    /// - Parameters:
    ///   - deadLetterExchange: where rejected, expired and over-delivered messages go.
    ///   - deadLetterRoutingKey: the routing key they get there; nil keeps theirs.
    ///   - deliveryLimit: after this many failed deliveries a message is dead-lettered.
    ///   - messageTTL: how long a message waits before it expires (and is dead-lettered): the
    ///     delay of a retry queue; whole milliseconds.
    ///   - singleActiveConsumer: whether only one consumer at a time receives messages.
    public static func quorum(
        _ name: String, deadLetterExchange: String? = nil, deadLetterRoutingKey: String? = nil,
        deliveryLimit: Int? = nil, messageTTL: Duration? = nil, singleActiveConsumer: Bool = false,
        arguments: AMQPTable = [:]
    ) -> AMQPQueue {
        var all = arguments
        all["x-queue-type"] = "quorum"
        if let deadLetterExchange { all["x-dead-letter-exchange"] = .string(deadLetterExchange) }
        if let deadLetterRoutingKey { all["x-dead-letter-routing-key"] = .string(deadLetterRoutingKey) }
        if let deliveryLimit { all["x-delivery-limit"] = .int(Int64(deliveryLimit)) }
        if let messageTTL {
            let (seconds, attoseconds) = messageTTL.components
            all["x-message-ttl"] = .int(seconds * 1000 + attoseconds / 1_000_000_000_000_000)
        }
        if singleActiveConsumer { all["x-single-active-consumer"] = true }
        return AMQPQueue(name: name, arguments: all)
    }
}
