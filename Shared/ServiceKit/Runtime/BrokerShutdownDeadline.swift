import AMQP
import Logging
import ServiceLifecycle

/// Closes the broker connection when a graceful shutdown runs out of time.
///
/// Work that needs the broker (publishing the outbox, scheduling a retry, parking a message)
/// waits while the connection is down, and task cancellation does not end that wait. When
/// SIGTERM comes during such a wait, the service group gives its services
/// `P2G_SHUTDOWN_TIMEOUT`, then cancels them; this service then closes the connection, which
/// fails the waits. What they held stays unsent in the outbox or unacknowledged on the queue,
/// and comes again after the restart; the process exits instead of hanging until its
/// supervisor kills it. Started first, so stopped last: in an orderly shutdown every other
/// service has finished before this one is asked to stop, and it then has nothing to do.
final class BrokerShutdownDeadline: Service {
    private let amqp: AMQPConnection
    private let logger: Logger

    init(amqp: AMQPConnection, logger: Logger) {
        self.amqp = amqp
        self.logger = logger
    }

    func run() async {
        do {
            try await gracefulShutdown()
        } catch {
            logger.warning("shutdown time is up; closing the broker connection so that work still waiting for it ends")
            await amqp.close()
        }
    }
}
