/// A binding of a queue to an exchange.
public struct AMQPBinding: Sendable, Hashable {
    /// The queue that receives.
    public var queue: String
    /// The exchange it receives from.
    public var exchange: String
    /// The routing key or pattern (`registry.community-registered.v1`, `registry.#`).
    public var routingKey: String
    /// Arguments, for headers exchanges.
    public var arguments: AMQPTable

    /// A binding of `queue` to `exchange` with the given routing key.
    public init(queue: String, exchange: String, routingKey: String, arguments: AMQPTable = [:]) {
        self.queue = queue
        self.exchange = exchange
        self.routingKey = routingKey
        self.arguments = arguments
    }
}
