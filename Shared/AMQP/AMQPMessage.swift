/// A message to publish: where it goes, its body and its properties.
public struct AMQPMessage: Sendable, Hashable {
    /// The exchange to publish to; `""` is the default exchange, which routes by queue name.
    public var exchange: String
    /// The routing key (the event or command type in this project).
    public var routingKey: String
    /// The body.
    public var body: [UInt8]
    /// The properties.
    public var properties: AMQPProperties
    /// Whether the broker must return the message when no queue takes it; a returned message
    /// fails its publish with ``AMQPPublishError/Reason/returned(replyCode:replyText:)``.
    public var mandatory: Bool

    /// A message for the given exchange and routing key.
    public init(
        exchange: String, routingKey: String, body: [UInt8], properties: AMQPProperties = AMQPProperties(),
        mandatory: Bool = false
    ) {
        self.exchange = exchange
        self.routingKey = routingKey
        self.body = body
        self.properties = properties
        self.mandatory = mandatory
    }
}
