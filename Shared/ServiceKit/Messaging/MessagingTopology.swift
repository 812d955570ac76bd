import AMQP
import Contracts

/// The exchanges, queues and bindings a service declares at start (DESIGN.md section 3).
public enum MessagingTopology {
    /// After this many deliveries without an acknowledgement (a message that crashes the
    /// consumer each time), the broker itself parks the message on `<service>.dead`.
    static let workQueueDeliveryLimit = 20

    /// The exchanges every service publishes to. All four are topic exchanges, so that the
    /// broker's topic permissions can hold each service to routing keys under its own name:
    /// its own events, its own delay queues and work queues, its own dead-letter queue. Their
    /// bindings name whole keys, so they route as a direct exchange would.
    public static let exchanges: [AMQPExchange] = [
        .topic(MessagingNames.eventsExchange), .topic(MessagingNames.commandsExchange),
        .topic(MessagingNames.deadLetterExchange), .topic(MessagingNames.retryExchange),
    ]

    /// A work queue: its name, the exchange it takes messages from and the routing keys bound.
    public struct WorkQueue: Sendable, Equatable {
        public var name: String
        public var exchange: String
        public var bindingKeys: [String]

        public init(name: String, exchange: String, bindingKeys: [String]) {
            self.name = name
            self.exchange = exchange
            self.bindingKeys = bindingKeys
        }
    }

    /// A service's topology: the exchanges; each work queue bound to the messages its handlers
    /// take, with one delay queue per retry delay; and, when it has a work queue, its
    /// dead-letter queue.
    public static func service(_ service: String, workQueues: [WorkQueue], retryDelays: [Duration]) -> AMQPTopology {
        guard !workQueues.isEmpty else { return AMQPTopology(exchanges: exchanges) }
        let deadQueue = MessagingNames.deadLetterQueue(service: service)
        var queues: [AMQPQueue] = [.quorum(deadQueue)]
        var bindings = [AMQPBinding(queue: deadQueue, exchange: MessagingNames.deadLetterExchange, routingKey: service)]
        for workQueue in workQueues {
            queues.append(
                .quorum(
                    workQueue.name, deadLetterExchange: MessagingNames.deadLetterExchange, deadLetterRoutingKey: service,
                    deliveryLimit: workQueueDeliveryLimit))
            for delay in retryDelays {
                // A failed message goes in through `p2g.retry` under the delay queue's name
                // (not through the default exchange, which would reach any queue); expired
                // messages go back to the work queue under its name; at-least-once
                // dead-lettering so that a broker failure in between cannot lose one.
                let delayQueue = retryQueue(workQueue: workQueue.name, delay: delay)
                queues.append(
                    .quorum(
                        delayQueue, deadLetterExchange: MessagingNames.retryExchange, deadLetterRoutingKey: workQueue.name,
                        messageTTL: delay, arguments: ["x-dead-letter-strategy": "at-least-once", "x-overflow": "reject-publish"]))
                bindings.append(AMQPBinding(queue: delayQueue, exchange: MessagingNames.retryExchange, routingKey: delayQueue))
            }
            bindings += workQueue.bindingKeys.map { AMQPBinding(queue: workQueue.name, exchange: workQueue.exchange, routingKey: $0) }
            bindings.append(AMQPBinding(queue: workQueue.name, exchange: MessagingNames.retryExchange, routingKey: workQueue.name))
        }
        return AMQPTopology(exchanges: exchanges, queues: queues, bindings: bindings)
    }

    static func retryQueue(workQueue: String, delay: Duration) -> String {
        MessagingNames.retryQueue(workQueue: workQueue, delayMilliseconds: delay.nanoseconds / 1_000_000)
    }
}
