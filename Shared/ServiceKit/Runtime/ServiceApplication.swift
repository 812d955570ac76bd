import AMQP
import Contracts
import Foundation
import Hummingbird
import Logging
import Postgres
import ServiceLifecycle

/// A service built from its definition and settings, ready to run: the executable runs it, and
/// the services' own tests drive it in-process (``testable``) against the real stack.
///
/// Building reaches PostgreSQL and RabbitMQ (waiting for them up to `P2G_MAX_DISCONNECTED`),
/// migrates the database under an advisory lock, and declares the topology that the handlers
/// call for. Running starts, in this order, the database pool, the broker connection, the
/// outbox relay, the dependency watchdog, the timer service, the workers, the consumers and the
/// HTTP server; SIGTERM stops them in reverse: HTTP first, then the consumers finish the
/// deliveries in hand, the workers and timers stop, the relay flushes the outbox, and the
/// connections close last.
public struct ServiceApplication: Sendable {
    public let definition: ServiceDefinition
    public let settings: ServiceSettings
    /// The HTTP server alone: routes, health, metrics and the OpenAPI document.
    public let http: Application<RouterResponder<BasicRequestContext>>
    /// Everything else, in start order.
    public let services: [any Service]
    /// The queues it consumes, e.g. `["notifications.events"]`.
    public let consumedQueues: [String]
    /// Every route it serves, as `GET /communities/{id}`.
    public let routes: Set<String>
    /// The OpenAPI document it serves at `GET /openapi.json`.
    public let apiDocument: [UInt8]
    let logger: Logger

    /// The HTTP server with every other service in its group, for HummingbirdTesting
    /// (`try await application.testable.test(.router) { client in ... }`).
    public var testable: Application<RouterResponder<BasicRequestContext>> {
        var application = http
        application.addServices(services)
        return application
    }

    /// Builds the service. What was opened is closed again when a step fails.
    public static func build(
        _ definition: ServiceDefinition, settings: ServiceSettings, metrics: ServiceMetrics, logger: Logger
    ) async throws -> ServiceApplication {
        let keys: AccessKeys
        do {
            keys = try await AccessKeys.load(path: settings.authKeyFile, issuer: settings.authIssuer)
        } catch {
            throw ConfigurationError(setting: "P2G_AUTH_KEY_FILE", problem: "\(error)")
        }
        logger.info(
            "starting",
            metadata: [
                "database": "\(settings.database.safeDescription)", "broker": "\(settings.amqp.redactedURL)",
                "http": "\(settings.httpHost):\(settings.httpPort)",
            ])
        let postgres = PostgresClient(configuration: settings.database, logger: logger)
        var amqpConfiguration = settings.amqp
        amqpConfiguration.reconnect.giveUpAfter = nil  // the watchdog decides when to give up
        var amqp: AMQPConnection?
        do {
            try await withPatience("database", limit: settings.maximumDisconnection, logger: logger) {
                try await PostgresMigrator(migrations: MessagingMigrations.all + definition.migrations, logger: logger).migrate(
                    on: postgres)
            }
            let connection = try await withPatience("broker", limit: settings.maximumDisconnection, logger: logger) {
                try await AMQPConnection.connect(amqpConfiguration, logger: logger)
            }
            amqp = connection
            return try await assemble(
                definition, settings: settings, keys: keys, postgres: postgres, amqp: connection, metrics: metrics, logger: logger)
        } catch {
            await amqp?.close()
            await postgres.shutdown()
            throw error
        }
    }

    private static func assemble(
        _ definition: ServiceDefinition, settings: ServiceSettings, keys: AccessKeys, postgres: PostgresClient, amqp: AMQPConnection,
        metrics: ServiceMetrics, logger: Logger
    ) async throws -> ServiceApplication {
        let name = definition.identity.name
        let dependencies = ServiceDependencies(
            settings: settings, postgres: postgres, amqp: amqp, outbox: Outbox(service: name), timers: Timers(), metrics: metrics,
            logger: logger, accessKeys: keys)
        let components = try definition.components(dependencies)

        // The work queues follow from the handlers registered.
        var workQueues: [(MessagingTopology.WorkQueue, MessageHandlers)] = []
        let events = try MessageHandlers(events: components.eventHandlers)
        if !events.isEmpty {
            workQueues.append(
                (
                    .init(name: definition.identity.eventQueue, exchange: MessagingNames.eventsExchange, bindingKeys: events.bindingKeys),
                    events
                ))
        }
        let commands = try MessageHandlers(commands: components.commandHandlers)
        if !commands.isEmpty {
            workQueues.append(
                (
                    .init(
                        name: definition.identity.commandQueue, exchange: MessagingNames.commandsExchange, bindingKeys: commands.bindingKeys
                    ),
                    commands
                ))
        }
        try await amqp.declare(
            MessagingTopology.service(name, workQueues: workQueues.map(\.0), retryDelays: settings.consumer.retryDelays))

        let relay = OutboxRelay(
            postgres: postgres, amqp: amqp, settings: settings.outbox, metrics: metrics, failPoints: settings.failPoints, logger: logger)
        let watchdog = DependencyWatchdog(postgres: postgres, amqp: amqp, limit: settings.maximumDisconnection, logger: logger)
        let consumers = workQueues.map { queue, handlers in
            MessageConsumer(
                service: name, queue: queue.name, handlers: handlers, postgres: postgres, amqp: amqp, settings: settings.consumer,
                metrics: metrics, failPoints: settings.failPoints, logger: logger)
        }
        var services: [any Service] = [DatabaseLifecycle(postgres: postgres), BrokerLifecycle(amqp: amqp, logger: logger), relay, watchdog]
        if !components.timerHandlers.isEmpty {
            services.append(
                try TimerService(
                    handlers: components.timerHandlers, postgres: postgres, settings: settings.timers, failPoints: settings.failPoints,
                    metrics: metrics, logger: logger))
        }
        services += components.workers
        services += consumers

        let router = Router()
        router.add(middleware: TraceContextMiddleware())
        router.add(middleware: UnexpectedErrorMiddleware())
        router.add(middleware: AuthenticationMiddleware(keys: keys, audience: name, policy: definition.access, logger: logger))
        HealthRoutes.add(
            to: router,
            readiness: {
                let database = watchdog.databaseReport
                let broker = watchdog.brokerReport
                let consumerReports = consumers.map { ReadinessReport.Consumer(queue: $0.queue, running: $0.isRunning) }
                let ready = database.ok && broker.ok && consumerReports.allSatisfy(\.running)
                return ReadinessReport(
                    status: ready ? .ready : .unready, service: name, instance: settings.instanceID, database: database, broker: broker,
                    consumers: consumerReports,
                    outbox: relay.backlog.latest.map { .init(backlog: $0.count, oldestAgeSeconds: $0.oldestAgeSeconds) })
            })
        services.append(
            Application(
                router: HealthRoutes.metricsRouter(metrics),
                configuration: .init(address: .hostname(settings.metricsHost, port: settings.metricsPort)), logger: logger))
        let apiDocument = try APIDocument.merging(common: CommonAPIDocument.json, service: definition.apiDocument)
        APIDocumentRoute(document: apiDocument).add(to: router)
        for routes in components.routes { routes.add(to: router) }
        let http = Application(
            router: router, configuration: .init(address: .hostname(settings.httpHost, port: settings.httpPort)), logger: logger)
        return ServiceApplication(
            definition: definition, settings: settings, http: http, services: services, consumedQueues: workQueues.map(\.0.name),
            routes: Set(router.routes.map { "\($0.method) \($0.path)" }), apiDocument: apiDocument, logger: logger)
    }

    /// Runs until SIGTERM or SIGINT (then stops in order, within `P2G_SHUTDOWN_TIMEOUT`), or
    /// until a service fails, which stops the others and is thrown.
    public func run() async throws {
        var configuration = ServiceGroupConfiguration(
            services: (services + [http]).map {
                .init(
                    service: $0, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .gracefullyShutdownGroup)
            },
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = settings.shutdownTimeout
        try await ServiceGroup(configuration: configuration).run()
    }

    /// Tries `body` until it succeeds, its error is not about reaching the server, or `limit`
    /// has passed.
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
                let unreachable = (error as? PostgresError)?.meansServerUnreachable ?? (error as? AMQPError)?.isRetryable ?? false
                guard unreachable, ContinuousClock.now - started + delay < limit else { throw error }
                logger.warning("\(what) not reachable yet; retrying", metadata: ["error": "\(error)", "retry_in": "\(delay)"])
                try await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(5))
            }
        }
    }
}
