import AMQP
import Contracts
import Foundation
import Logging
import Postgres
import ServiceKit
import TestSupport
import Testing

/// Below the services: each has its own broker user and database role, and they reach only
/// what is the service's own. The local stack sets them up as production should
/// (`deploy/stack.sh`, the Kubernetes secret's shape).
@Suite("Least privilege on the broker and the databases", .serialized)
struct LeastPrivilegeTests {
    static let logger = Logger(label: "least-privilege-test")

    static func connect(_ setting: String) async throws -> AMQPConnection {
        var configuration = try AMQPConfiguration(url: try LocalStack.setting(setting))
        configuration.reconnect.giveUpAfter = .seconds(1)
        return try await AMQPConnection.connect(configuration, logger: logger)
    }

    @Test("the registry's broker user consumes and publishes its own, and is refused another service's queue and commands")
    func registryBrokerUser() async throws {
        let operatorConnection = try await Self.connect("P2G_TEST_AMQP_URL")
        defer { Task { await operatorConnection.close() } }
        // What the other services would have declared.
        try await operatorConnection.declare(
            MessagingTopology.service(
                "notifications",
                workQueues: [
                    .init(name: "notifications.events", exchange: MessagingNames.eventsExchange, bindingKeys: ["registry.#"])
                ], retryDelays: [.seconds(5)]))
        try await operatorConnection.declare(
            MessagingTopology.service(
                "matching",
                workQueues: [
                    .init(name: "matching.commands", exchange: MessagingNames.commandsExchange, bindingKeys: ["matching.#"])
                ], retryDelays: [.seconds(5)]))

        let registry = try await Self.connect("P2G_TEST_REGISTRY_AMQP_URL")
        defer { Task { await registry.close() } }
        // Its own topology and its own events: allowed.
        try await registry.declare(
            MessagingTopology.service(
                "registry",
                workQueues: [
                    .init(name: "registry.commands", exchange: MessagingNames.commandsExchange, bindingKeys: ["registry.#"])
                ], retryDelays: [.seconds(5)]))
        _ = try await registry.get(from: "registry.commands")
        let publisher = try await registry.makePublisher()
        let id = UUID().uuidString.lowercased()
        let own = AMQPMessage(
            exchange: MessagingNames.eventsExchange, routingKey: "registry.least-privilege-probe.v1", body: Array("{}".utf8),
            properties: AMQPProperties(messageID: id))
        try await publisher.publishConfirmed(own)

        // Another service's queue: refused.
        await #expect(throws: AMQPError.self) { _ = try await registry.get(from: "notifications.events") }
        // Its own delay queue and its own dead-letter queue: allowed.
        for (exchange, key) in [
            (MessagingNames.retryExchange, "registry.commands.retry-5s"), (MessagingNames.deadLetterExchange, "registry"),
        ] {
            try await publisher.publishConfirmed(
                AMQPMessage(exchange: exchange, routingKey: key, body: Array("{}".utf8), properties: AMQPProperties(messageID: id)))
        }
        #expect(try await registry.get(from: "registry.commands.retry-5s") != nil)
        #expect(try await registry.get(from: "registry.dead") != nil)

        // A command to another service, an event under another service's name, or another
        // service's queue reached by name (the default exchange), through the retry exchange
        // or through the dead-letter exchange: refused.
        for (exchange, key) in [
            (MessagingNames.commandsExchange, "matching.run-matching.v1"), (MessagingNames.eventsExchange, "matching.pairs-proposed.v1"),
            ("", "matching.commands"), (MessagingNames.retryExchange, "matching.commands"),
            (MessagingNames.retryExchange, "matching.commands.retry-5s"), (MessagingNames.deadLetterExchange, "matching"),
        ] {
            let other = try await registry.makePublisher()
            let outcome = await other.publish([
                AMQPMessage(exchange: exchange, routingKey: key, body: Array("{}".utf8), properties: AMQPProperties(messageID: id))
            ])
            guard case .failure(let error) = outcome.first else {
                Issue.record("the registry published \(key) to \(exchange)")
                continue
            }
            #expect(error.code == .channelClosed || error.code == .connectionLost, "\(error)")
            #expect("\(error)".contains("403") || "\(error)".contains("ACCESS_REFUSED"), "\(error)")
        }
        _ = try? await operatorConnection.delete(queue: "notifications.events")
        _ = try? await operatorConnection.delete(queue: "matching.commands")
        for queue in [
            "registry.commands", "registry.commands.retry-5s", "registry.dead", "notifications.retry-5s", "matching.commands.retry-5s",
            "notifications.dead", "matching.dead",
        ] {
            _ = try? await operatorConnection.delete(queue: queue)
        }
    }

    @Test("one service's database role cannot connect to another service's database, nor create one")
    func databaseRoles() async throws {
        let matching = try LocalStack.setting("P2G_MATCHING_DATABASE_URL")
        let intoRegistry = matching.replacingOccurrences(of: "/p2g_matching?", with: "/p2g_registry?")
        #expect(intoRegistry != matching)
        let refused = PostgresClient(
            configuration: try PostgresConfiguration(url: intoRegistry, maximumConnections: 1), logger: Self.logger)
        let error = await #expect(throws: PostgresError.self) { try await refused.query("SELECT 1") }
        #expect(error?.message.contains("permission denied for database") == true, "\(String(describing: error))")
        await refused.shutdown()

        let own = PostgresClient(configuration: try PostgresConfiguration(url: matching, maximumConnections: 1), logger: Self.logger)
        #expect(try await own.query("SELECT current_database()")[0].decode(String.self, at: 0) == "p2g_matching")
        let creating = await #expect(throws: PostgresError.self) { try await own.query("CREATE DATABASE p2g_intruder") }
        #expect(creating?.code.rawValue == "42501", "\(String(describing: creating))")
        await own.shutdown()
    }
}
