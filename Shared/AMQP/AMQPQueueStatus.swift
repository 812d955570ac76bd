/// What the broker says about a queue when it is declared.
public struct AMQPQueueStatus: Sendable, Hashable {
    /// The queue's name.
    public let name: String
    /// Messages ready for delivery (not counting those delivered and not yet acknowledged).
    public let messageCount: UInt32
    /// Consumers subscribed to it.
    public let consumerCount: UInt32

    /// A status as the broker reported it.
    public init(name: String, messageCount: UInt32, consumerCount: UInt32) {
        self.name = name
        self.messageCount = messageCount
        self.consumerCount = consumerCount
    }
}
