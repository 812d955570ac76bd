/// A fact one service publishes for the others on `p2g.events`.
///
/// The body is the event's JSON (see ``ContractCoding``); the metadata (message id, type,
/// correlation and causation ids, trace context) travels in AMQP properties and headers.
public protocol IntegrationEvent: Codable, Sendable, Equatable {
    /// The versioned type, which is also the routing key.
    static var eventType: MessageType { get }
}
