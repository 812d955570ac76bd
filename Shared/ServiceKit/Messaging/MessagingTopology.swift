import AMQP
import Contracts

/// The exchanges, queues and bindings a service declares at start (DESIGN.md section 3).
public enum MessagingTopology {
    /// After this many deliveries without an acknowledgement (a message that crashes the
    /// consumer each time), the broker itself parks the message on `<service>.dead`.
    static let workQueueDeliveryLimit = 20

    /// The exchanges every service publishes to.
    public static let exchanges: [AMQPExchange] = [
        .topic(MessagingNames.eventsExchange), .topic(MessagingNames.commandsExchange),
        .direct(MessagingNames.deadLetterExchange), .direct(MessagingNames.retryExchange),
    ]

    /// A consuming service's topology: its work queue bound to the events it handles, one
    /// delay queue per retry delay, and its dead-letter queue.
    public static func consumer(service: String, bindingKeys: [String], retryDelays: [Duration]) -> AMQPTopology {
        let workQueue = MessagingNames.eventQueue(service: service)
        let deadQueue = MessagingNames.deadLetterQueue(service: service)
        var queues: [AMQPQueue] = [
            .quorum(
                workQueue, deadLetterExchange: MessagingNames.deadLetterExchange, deadLetterRoutingKey: service,
                deliveryLimit: workQueueDeliveryLimit),
            .quorum(deadQueue),
        ]
        for delay in retryDelays {
            // Expired messages go back to the work queue; at-least-once dead-lettering so that
            // a broker failure in between cannot lose one.
            queues.append(
                .quorum(
                    retryQueue(service: service, delay: delay), deadLetterExchange: MessagingNames.retryExchange,
                    deadLetterRoutingKey: workQueue, messageTTL: delay,
                    arguments: ["x-dead-letter-strategy": "at-least-once", "x-overflow": "reject-publish"]))
        }
        var bindings = bindingKeys.map { AMQPBinding(queue: workQueue, exchange: MessagingNames.eventsExchange, routingKey: $0) }
        bindings.append(AMQPBinding(queue: workQueue, exchange: MessagingNames.retryExchange, routingKey: workQueue))
        bindings.append(AMQPBinding(queue: deadQueue, exchange: MessagingNames.deadLetterExchange, routingKey: service))
        return AMQPTopology(exchanges: exchanges, queues: queues, bindings: bindings)
    }

    static func retryQueue(service: String, delay: Duration) -> String {
        MessagingNames.retryQueue(service: service, delayMilliseconds: delay.nanoseconds / 1_000_000)
    }
}
