/// An exchange to declare.
public struct AMQPExchange: Sendable, Hashable {
    /// How an exchange routes.
    public enum Kind: String, Sendable, Hashable {
        /// By exact routing key.
        case direct
        /// To every bound queue.
        case fanout
        /// By routing key pattern (`registry.*.v1`, `#`).
        case topic
        /// By header values.
        case headers
    }

    /// The exchange's name.
    public var name: String
    /// How it routes.
    public var kind: Kind
    /// Whether it survives a broker restart.
    public var durable: Bool
    /// Whether the broker deletes it when its last binding goes.
    public var autoDelete: Bool
    /// Whether only other exchanges may publish to it.
    public var `internal`: Bool
    /// Extra arguments (`alternate-exchange`, ...).
    public var arguments: AMQPTable

    /// An exchange with the given name and kind; durable by default.
    public init(
        name: String, kind: Kind, durable: Bool = true, autoDelete: Bool = false, internal: Bool = false,
        arguments: AMQPTable = [:]
    ) {
        self.name = name
        self.kind = kind
        self.durable = durable
        self.autoDelete = autoDelete
        self.internal = `internal`
        self.arguments = arguments
    }

    /// A durable topic exchange.
    public static func topic(_ name: String) -> AMQPExchange { AMQPExchange(name: name, kind: .topic) }

    /// A durable direct exchange.
    public static func direct(_ name: String) -> AMQPExchange { AMQPExchange(name: name, kind: .direct) }

    /// A durable fanout exchange.
    public static func fanout(_ name: String) -> AMQPExchange { AMQPExchange(name: name, kind: .fanout) }
}
