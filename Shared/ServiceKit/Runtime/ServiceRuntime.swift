import AMQP
import Foundation
import Hummingbird
import Logging
import Postgres
import ServiceLifecycle

/// Runs a service: reads its settings, sets up logs and metrics, reaches PostgreSQL and
/// RabbitMQ (waiting for them up to the cut-off time), migrates its database under an advisory
/// lock, declares its topology, and runs the HTTP server, the outbox relay, the event consumer
/// and the dependency watchdog until SIGTERM or SIGINT. On SIGTERM the HTTP server stops
/// first, then the consumer finishes the deliveries in hand, then the relay flushes the outbox.
public enum ServiceRuntime {
    /// Exit codes: 0 after a graceful shutdown, 1 after a failure (cut off from a dependency,
    /// a failed migration), 78 for a configuration error (EX_CONFIG).
    public enum ExitCode {
        public static let success: Int32 = 0
        public static let failure: Int32 = 1
        public static let configuration: Int32 = 78
    }

    /// Runs the service and returns the process's exit code.
    public static func run(_ definition: ServiceDefinition, environment: EnvironmentReader = EnvironmentReader()) async -> Int32 {
        let settings: ServiceSettings
        do {
            settings = try ServiceSettings(serviceName: definition.name, defaultHTTPPort: definition.defaultHTTPPort, environment: environment)
        } catch {
            FileHandle.standardError.write(Data("\(definition.name): \(error)\n".utf8))
            return ExitCode.configuration
        }
        ServiceLogHandler.bootstrap(service: definition.name, instance: settings.instanceID, format: settings.logFormat, level: settings.logLevel)
        let logger = Logger(label: "p2g.\(definition.name)")
        let metrics = ServiceMetrics.bootstrap(service: definition.name)
        do {
            try await run(definition, settings: settings, metrics: metrics, logger: logger)
            logger.info("stopped")
            return ExitCode.success
        } catch {
            logger.critical("stopping on an error", metadata: ["error": "\(error)"])
            return ExitCode.failure
        }
    }

    static func run(_ definition: ServiceDefinition, settings: ServiceSettings, metrics: ServiceMetrics, logger: Logger) async throws {
        logger.info(
            "starting",
            metadata: [
                "database": "\(settings.database.safeDescription)", "broker": "\(settings.amqp.redactedURL)",
                "http": "\(settings.httpHost):\(settings.httpPort)",
            ])
        let postgres = PostgresClient(configuration: settings.database, logger: logger)
        var amqpConfiguration = settings.amqp
        amqpConfiguration.reconnect.giveUpAfter = nil  // the watchdog decides when to give up
        let amqp: AMQPConnection
        do {
            try await withPatience("database", limit: settings.maximumDisconnection, logger: logger) {
                try await PostgresMigrator(migrations: MessagingMigrations.all + definition.migrations, logger: logger).migrate(on: postgres)
            }
            amqp = try await withPatience("broker", limit: settings.maximumDisconnection, logger: logger) {
                try await AMQPConnection.connect(amqpConfiguration, logger: logger)
            }
        } catch {
            await postgres.shutdown()
            throw error
        }
        let dependencies = ServiceDependencies(
            settings: settings, postgres: postgres, amqp: amqp, outbox: Outbox(service: definition.name), logger: logger)
        let handlers = definition.handlers(dependencies)
        do {
            if handlers.eventTypes.isEmpty {
                try await amqp.declare(AMQPTopology(exchanges: MessagingTopology.exchanges))
            } else {
                try await amqp.declare(
                    MessagingTopology.consumer(
                        service: definition.name, bindingKeys: handlers.bindingKeys, retryDelays: settings.consumer.retryDelays))
            }

            let relay = OutboxRelay(postgres: postgres, amqp: amqp, settings: settings.outbox, metrics: metrics, logger: logger)
            let watchdog = DependencyWatchdog(postgres: postgres, amqp: amqp, limit: settings.maximumDisconnection, logger: logger)
            let consumer =
                handlers.eventTypes.isEmpty
                ? nil
                : EventConsumer(
                    service: definition.name, handlers: handlers, postgres: postgres, amqp: amqp, settings: settings.consumer,
                    metrics: metrics, logger: logger)

            let router = Router()
            router.add(middleware: TraceContextMiddleware())
            HealthRoutes.add(
                to: router,
                readiness: {
                    let database = watchdog.databaseReport
                    let broker = watchdog.brokerReport
                    let consumers = consumer.map { [ReadinessReport.Consumer(queue: $0.queue, running: $0.isRunning)] } ?? []
                    let ready = database.ok && broker.ok && consumers.allSatisfy(\.running)
                    return ReadinessReport(
                        status: ready ? .ready : .unready, service: definition.name, instance: settings.instanceID,
                        database: database, broker: broker, consumers: consumers,
                        outbox: relay.backlog.latest.map { .init(backlog: $0.count, oldestAgeSeconds: $0.oldestAgeSeconds) })
                }, metrics: metrics)
            definition.routes(router, dependencies)
            let application = Application(
                router: router, configuration: .init(address: .hostname(settings.httpHost, port: settings.httpPort)), logger: logger)

            // Started in this order, stopped in reverse: HTTP first, the relay's flush last,
            // and the deadline that ends waits for an unreachable broker after everything.
            var services: [any Service] = [BrokerShutdownDeadline(amqp: amqp, logger: logger), relay, watchdog]
            if let consumer { services.append(consumer) }
            services.append(application)
            var configuration = ServiceGroupConfiguration(
                services: services.map {
                    .init(service: $0, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .gracefullyShutdownGroup)
                },
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
            configuration.maximumGracefulShutdownDuration = settings.shutdownTimeout
            try await ServiceGroup(configuration: configuration).run()
        } catch {
            await amqp.close()
            await postgres.shutdown()
            throw error
        }
        await amqp.close()
        await postgres.shutdown()
    }

    /// Tries `body` until it succeeds, its error is not worth retrying, or `limit` has passed.
    @discardableResult
    static func withPatience<Value>(
        _ what: String, limit: Duration, logger: Logger, _ body: () async throws -> Value
    ) async throws -> Value {
        let started = ContinuousClock.now
        var delay = Duration.milliseconds(500)
        while true {
            do {
                return try await body()
            } catch {
                let retryable =
                    (error as? PostgresError)?.isRetryable ?? (error as? AMQPError)?.isRetryable
                    ?? ((error as? PostgresMigrationError).map { migration in
                        if case .failed(_, let text) = migration.reason { return text.contains("PostgreSQL error 08") }
                        return false
                    } ?? false)
                guard retryable, ContinuousClock.now - started + delay < limit else { throw error }
                logger.warning("\(what) not reachable yet; retrying", metadata: ["error": "\(error)", "retry_in": "\(delay)"])
                try await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(5))
            }
        }
    }
}
