/// Exchanges, queues and bindings declared together: exchanges first, then queues, then
/// bindings.
public struct AMQPTopology: Sendable, Hashable {
    /// The exchanges.
    public var exchanges: [AMQPExchange]
    /// The queues.
    public var queues: [AMQPQueue]
    /// The bindings.
    public var bindings: [AMQPBinding]

    /// A topology of the given parts.
    public init(exchanges: [AMQPExchange] = [], queues: [AMQPQueue] = [], bindings: [AMQPBinding] = []) {
        self.exchanges = exchanges
        self.queues = queues
        self.bindings = bindings
    }
}
