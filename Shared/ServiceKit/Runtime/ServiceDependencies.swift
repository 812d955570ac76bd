import AMQP
import Logging
import Postgres

/// What a service's handlers and routes work with.
public struct ServiceDependencies: Sendable {
    public let settings: ServiceSettings
    public let postgres: PostgresClient
    public let amqp: AMQPConnection
    /// Writes events in the caller's transaction.
    public let outbox: Outbox
    public let logger: Logger
}
