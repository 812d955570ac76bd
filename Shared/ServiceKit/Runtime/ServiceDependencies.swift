import AMQP
import Logging
import Postgres

/// What a service's routes, handlers and workers work with.
public struct ServiceDependencies: Sendable {
    public let settings: ServiceSettings
    public let postgres: PostgresClient
    public let amqp: AMQPConnection
    /// Writes events in the caller's transaction.
    public let outbox: Outbox
    /// Sets and cancels durable timers in the caller's transaction.
    public let timers: Timers
    public let metrics: ServiceMetrics
    public let logger: Logger
    /// The keys that sign bearer tokens, for a service that hands out signed links (the
    /// notifications' unsubscribe and preferences links).
    public let accessKeys: AccessKeys
}
