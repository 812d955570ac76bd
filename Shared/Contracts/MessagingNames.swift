/// The names on the wire that operators and other teams rely on (DESIGN.md section 3).
public enum MessagingNames {
    /// Every integration event, routing key = event type.
    public static let eventsExchange = "p2g.events"
    /// Commands addressed to one service, routing key `<service>.<command>.v<N>`.
    public static let commandsExchange = "p2g.commands"
    /// Parked messages, routing key = the service's short name (a topic exchange, so that a
    /// service's broker user can be held to its own name).
    public static let deadLetterExchange = "p2g.dead"
    /// Delayed retries: in under the delay queue's name, back out under the work queue's name
    /// (a topic exchange, so that a service's broker user can be held to its own queues).
    public static let retryExchange = "p2g.retry"

    /// A service's work queue for the events it consumes, e.g. `notifications.events`.
    public static func eventQueue(service: String) -> String { "\(service).events" }
    /// A service's work queue for the commands addressed to it, e.g. `registry.commands`.
    public static func commandQueue(service: String) -> String { "\(service).commands" }
    /// A service's parked messages, e.g. `notifications.dead`.
    public static func deadLetterQueue(service: String) -> String { "\(service).dead" }
    /// A work queue's delay queue, named after its delay so that changing the delays makes new
    /// queues instead of clashing with the old ones: `notifications.retry-30s` for the events
    /// queue, `registry.commands.retry-30s` for the commands queue.
    public static func retryQueue(workQueue: String, delayMilliseconds: Int64) -> String {
        let name =
            if delayMilliseconds % 3_600_000 == 0 { "\(delayMilliseconds / 3_600_000)h" } else if delayMilliseconds % 60_000 == 0 {
                "\(delayMilliseconds / 60_000)m"
            } else if delayMilliseconds % 1000 == 0 { "\(delayMilliseconds / 1000)s" } else { "\(delayMilliseconds)ms" }
        // The events queue's delay queues kept their first names, `<service>.retry-<delay>`.
        let prefix = workQueue.hasSuffix(".events") ? String(workQueue.dropLast(".events".count)) : workQueue
        return "\(prefix).retry-\(name)"
    }

    /// Headers a parked message carries.
    public enum Header {
        /// Why the message was parked.
        public static let error = "x-p2g-error"
        /// How many times it was tried (1 for a message parked at once).
        public static let attempts = "x-p2g-attempts"
        /// When it was parked, RFC 3339.
        public static let failedAt = "x-p2g-failed-at"
        /// The queue it was taken from, so that it can be replayed there.
        public static let originalQueue = "x-p2g-original-queue"
        /// The W3C trace context.
        public static let traceparent = "traceparent"
        /// The id of the message that caused this one.
        public static let causationID = "causation-id"
    }
}
