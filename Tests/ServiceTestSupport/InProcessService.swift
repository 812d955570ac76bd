import AMQP
import Contracts
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Postgres
import ServiceKit
import TestSupport
import Testing

/// A service running in the test's own process against the real stack, built from its
/// definition exactly as its executable builds it (``ServiceApplication``), with a fresh
/// database and its queues in the test vhost emptied before and after. Routes are driven
/// through HummingbirdTesting; messages are published to the broker as another service would.
///
/// Tests that use it must not overlap (`deploy/test.sh` runs `swift test --no-parallel`): the
/// queues' names are fixed by the wire contract.
public struct InProcessService: Sendable {
    public let application: ServiceApplication
    /// A client of the service's own database, for what a user cannot see through the API.
    public let database: PostgresClient
    /// A connection to the test vhost.
    public let amqp: AMQPConnection
    public let publisher: AMQPPublisher

    /// The retry delay the service runs with: one short stage, then parking.
    public static let retryDelay = "200ms"

    /// Builds `definition` with `environment` added to the harness's settings, runs `body`
    /// with it and a test client (an ``AuthorizedTestClient`` that acts as an Agency
    /// coordinator unless a request says otherwise), and cleans up whatever happened. With `logs`,
    /// the service logs there (warnings and above) instead of to standard output. With `testing:
    /// .live`, the service listens on a port of loopback (the client's `port`) for clients of its
    /// own, such as p2gctl's, which need a token of their own (``TestTokens``).
    public static func run(
        _ definition: ServiceDefinition, environment: [String: String] = [:], logs: LogCapture? = nil, testing: TestingSetup = .router,
        _ body: @Sendable (InProcessService, any TestClientProtocol) async throws -> Void
    ) async throws {
        let label = "p2g.\(definition.identity.name).test"
        var logger = logs?.logger(label: label, level: .warning) ?? Logger(label: label)
        logger.logLevel = .warning
        let admin = PostgresClient(
            configuration: try PostgresConfiguration(url: LocalStack.adminDatabaseURL(), maximumConnections: 1), logger: logger)
        let databaseName = "svc_\(definition.identity.name)_\(UUID().uuidString.prefix(8).lowercased())"
        try await admin.query("CREATE DATABASE \(identifier: databaseName) OWNER p2g_test")
        let databaseURL = try LocalStack.testDatabaseURL(database: databaseName)
        let database = PostgresClient(configuration: try PostgresConfiguration(url: databaseURL, maximumConnections: 2), logger: logger)
        let amqpURL = try LocalStack.testAMQPURL()
        let amqp = try await AMQPConnection.connect(try AMQPConfiguration(url: amqpURL), logger: logger)
        let queues = queues(of: definition.identity)
        do {
            for queue in queues { try await deleteQueue(queue, on: amqp) }
            let publisher = try await amqp.makePublisher()
            var values = [
                "P2G_AMQP_URL": amqpURL, "P2G_DATABASE_URL": databaseURL, "P2G_HTTP_PORT": "0",
                "P2G_INSTANCE_ID": "\(definition.identity.name)-in-process", "P2G_RETRY_DELAYS": retryDelay, "P2G_QUICK_RETRIES": "0",
                "P2G_OUTBOX_POLL_INTERVAL": "200ms", "P2G_TIMER_POLL_INTERVAL": "200ms", "P2G_CONSUMER_ACK_DELAY": "0ms",
                "P2G_AUTH_KEY_FILE": try TestTokens.keyFile(), "P2G_METRICS_PORT": "0",
            ]
            values.merge(environment) { $1 }
            let settings = try ServiceSettings(service: definition.identity, environment: EnvironmentReader(values))
            let application = try await ServiceApplication.build(
                definition, settings: settings, metrics: ServiceMetrics(service: definition.identity.name), logger: logger)
            let service = InProcessService(application: application, database: database, amqp: amqp, publisher: publisher)
            let authorization = try await TestTokens.coordinatorAuthorization()
            try await application.testable.test(testing) { client in
                try await body(service, AuthorizedTestClient(anonymous: client, authorization: authorization))
            }
        } catch {
            await cleanUp()
            throw error
        }
        await cleanUp()

        func cleanUp() async {
            for queue in queues { try? await deleteQueue(queue, on: amqp) }
            await amqp.close()
            await database.shutdown()
            _ = try? await admin.query("DROP DATABASE IF EXISTS \(identifier: databaseName) WITH (FORCE)")
            await admin.shutdown()
        }
    }

    /// Every queue the service can declare in the test vhost (with the delays the tests use:
    /// ``retryDelay``, and 500ms and 1s where a test needs more than one try).
    static func queues(of identity: ServiceIdentity) -> [String] {
        [identity.deadLetterQueue]
            + identity.workQueues.flatMap { queue in
                [queue] + [200, 500, 1000].map { MessagingNames.retryQueue(workQueue: queue, delayMilliseconds: $0) }
            }
    }

    private static func deleteQueue(_ queue: String, on amqp: AMQPConnection) async throws {
        do {
            _ = try await amqp.delete(queue: queue)
        } catch {
            guard error.code == .notFound else { throw error }
        }
    }

    /// Publishes `event` on `p2g.events` as its producer would, and waits for the broker's confirm.
    public func publish<Event: IntegrationEvent>(_ event: Event, messageID: UUID = UUID()) async throws {
        try await publish(
            exchange: MessagingNames.eventsExchange, type: Event.eventType.description, body: Array(ContractCoding.encode(event)),
            messageID: messageID)
    }

    /// Publishes `command` on `p2g.commands` as an automated workflow would.
    public func send<Command: IntegrationCommand>(_ command: Command, messageID: UUID = UUID()) async throws {
        try await publish(
            exchange: MessagingNames.commandsExchange, type: Command.commandType.description, body: Array(ContractCoding.encode(command)),
            messageID: messageID)
    }

    /// Publishes any body under `type`, for messages a producer should never have sent.
    public func publish(exchange: String, type: String, body: [UInt8], messageID: UUID = UUID()) async throws {
        let properties = AMQPProperties(
            contentType: "application/json", deliveryMode: .persistent, correlationID: "test-\(messageID.uuidString.lowercased())",
            messageID: messageID.uuidString.lowercased(), timestamp: Date(), type: type, appID: "test")
        try await publisher.publishConfirmed(
            AMQPMessage(exchange: exchange, routingKey: type, body: body, properties: properties, mandatory: true))
    }

    /// Waits until `condition` holds, checking every 50 ms, for at most `timeout`; fails with
    /// `what` otherwise.
    public func waitUntil(
        _ what: String, timeout: Duration = .seconds(20), _ condition: () async throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while try await !condition() {
            guard ContinuousClock.now < deadline else { throw WaitTimedOut(what: what) }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    public struct WaitTimedOut: Error, CustomStringConvertible {
        public let what: String
        public var description: String { "timed out waiting until \(what)" }
    }

    /// A count from the service's database.
    public func count(_ query: PostgresQuery) async throws -> Int {
        try await database.query(query)[0].decode(Int.self, at: 0)
    }

    /// The events of `type` the service has written to its outbox (published or about to be),
    /// in the order they were written.
    public func outboxEvents<Event: IntegrationEvent>(_ type: Event.Type) async throws -> [Event] {
        try await database.query("SELECT body FROM outbox WHERE message_type = \(Event.eventType.description) ORDER BY id").map {
            try ContractCoding.decode(Event.self, from: Data(try $0.decode(String.self, at: 0).utf8))
        }
    }

    /// Takes every message parked on the service's dead-letter queue, with its reason.
    public func takeParked() async throws -> [(type: String?, reason: String)] {
        var parked: [(String?, String)] = []
        while let delivery = try await amqp.get(from: application.definition.identity.deadLetterQueue) {
            parked.append((delivery.properties.type, delivery.properties.headers[MessagingNames.Header.error]?.stringValue ?? ""))
            try await delivery.ack()
        }
        return parked
    }

    /// The routes the service serves are the operations its OpenAPI document describes, and it
    /// serves that document at `GET /openapi.json`.
    public func expectRoutesMatchTheDocument(_ client: some TestClientProtocol, sourceLocation: SourceLocation = #_sourceLocation)
        async throws
    {
        let served = try await client.execute(uri: "/openapi.json", method: .get) { response in
            #expect(response.status == .ok, sourceLocation: sourceLocation)
            return [UInt8](buffer: response.body)
        }
        #expect(served == application.apiDocument, sourceLocation: sourceLocation)
        let documented = try APIDocument.operations(in: served)
        #expect(application.routes.subtracting(documented).isEmpty, "routes the document does not describe", sourceLocation: sourceLocation)
        #expect(documented.subtracting(application.routes).isEmpty, "operations no route serves", sourceLocation: sourceLocation)
    }
}
