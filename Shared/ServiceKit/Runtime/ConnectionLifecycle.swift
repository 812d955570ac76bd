import AMQP
import Logging
import Postgres
import ServiceLifecycle

/// The database pool as a member of the service group: started first, so stopped last, once
/// everything that uses it has stopped.
struct DatabaseLifecycle: Service {
    let postgres: PostgresClient

    func run() async {
        try? await gracefulShutdown()
        await postgres.shutdown()
    }
}

/// The broker connection as a member of the service group, stopped after everything that
/// uses it.
///
/// Work that needs the broker (publishing the outbox, scheduling a retry, parking a message)
/// waits while the connection is down, and task cancellation does not end that wait. When
/// SIGTERM comes during such a wait, the service group gives its services
/// `P2G_SHUTDOWN_TIMEOUT`, then cancels them; the connection is then closed at once, which
/// fails the waits. What they held stays unsent in the outbox or unacknowledged on the queue,
/// and comes again after the restart; the process exits instead of hanging until its
/// supervisor kills it.
struct BrokerLifecycle: Service {
    let amqp: AMQPConnection
    let logger: Logger

    func run() async {
        do {
            try await gracefulShutdown()
        } catch {
            logger.warning("shutdown time is up; closing the broker connection so that work still waiting for it ends")
        }
        await amqp.close()
    }
}
