import Synchronization

/// A message the broker delivered, with the means to acknowledge it.
///
/// Acknowledge every delivery exactly once: ``ack(multiple:)`` when it was handled,
/// ``nack(requeue:multiple:)`` or ``reject(requeue:)`` when it was not (with `requeue: false` the
/// queue's dead-letter exchange receives it). A delivery from a channel that has closed since
/// (a lost connection, for one) can no longer be acknowledged: the call throws
/// ``AMQPError/Code/staleDelivery`` and the broker delivers the message again.
public struct AMQPDelivery: Sendable {
    /// The exchange it was published to.
    public let exchange: String
    /// Its routing key.
    public let routingKey: String
    /// Whether the broker delivered it before without an acknowledgement.
    public let redelivered: Bool
    /// Its number on its channel.
    public let deliveryTag: UInt64
    /// The body.
    public let body: [UInt8]
    /// The properties and headers.
    public let properties: AMQPProperties
    let settler: DeliverySettler

    /// Tells the broker the message was handled; with `multiple`, every earlier unacknowledged
    /// delivery of the same consumer too.
    public func ack(multiple: Bool = false) async throws(AMQPError) {
        try await settler.settle(deliveryTag, .ack(multiple: multiple))
    }

    /// Tells the broker the message was not handled: back to the queue with `requeue`, else to
    /// the queue's dead-letter exchange (or dropped if it has none).
    public func nack(requeue: Bool, multiple: Bool = false) async throws(AMQPError) {
        try await settler.settle(deliveryTag, .nack(requeue: requeue, multiple: multiple))
    }

    /// Like `nack` for this one message.
    public func reject(requeue: Bool) async throws(AMQPError) {
        try await settler.settle(deliveryTag, .reject(requeue: requeue))
    }
}

/// Routes a delivery's acknowledgement to the channel it came from.
struct DeliverySettler: Sendable {
    let mailbox: ConnectionMailbox
    let target: SettleTarget
    let incarnation: UInt64
    /// Keeps the consumer's channel open while its deliveries may still be acknowledged.
    let consumer: ConsumerHandle?

    func settle(_ deliveryTag: UInt64, _ kind: Settlement.Kind) async throws(AMQPError) {
        let settlement = Settlement(target: target, incarnation: incarnation, deliveryTag: deliveryTag, kind: kind)
        if let consumer {
            // A consumer's acknowledgements are handed over without waiting for the thread to
            // send them: the broker answers none, and one lost with the connection is the same
            // as one lost on the wire; the message comes again. Staleness is known here already.
            guard consumer.liveIncarnation.load(ordering: .acquiring) == incarnation else {
                throw AMQPError.staleDelivery(deliveryTag)
            }
            mailbox.post(.acknowledge(settlement))
            return
        }
        let result = await withCheckedContinuation { (reply: Reply<Void>) in
            mailbox.post(.settle(settlement, reply))
        }
        try result.get()
    }
}
