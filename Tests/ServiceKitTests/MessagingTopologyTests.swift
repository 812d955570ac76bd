import AMQP
import Contracts
import Foundation
import Postgres
import Testing

@testable import ServiceKit

@Suite("The topology a service declares")
struct MessagingTopologyTests {
    struct WelcomeOnRegistration: EventHandler {
        func handle(_ batch: [Delivered<CommunityRegistered>], on connection: PostgresConnection) async throws {}
    }

    struct RegisterOnCommand: CommandHandler {
        func handle(_ batch: [Delivered<RegisterCommunity>], on connection: PostgresConnection) async throws {}
    }

    static let delays: [Duration] = [.milliseconds(500), .seconds(30), .seconds(300)]

    @Test("events: work queue, delay queues named after their delays, dead-letter queue, and their bindings")
    func eventTopology() throws {
        let handlers = try MessageHandlers(events: [WelcomeOnRegistration()])
        let topology = MessagingTopology.service(
            "notifications",
            workQueues: [.init(name: "notifications.events", exchange: MessagingNames.eventsExchange, bindingKeys: handlers.bindingKeys)],
            retryDelays: Self.delays)
        #expect(Set(topology.exchanges.map(\.name)) == ["p2g.events", "p2g.commands", "p2g.dead", "p2g.retry"])
        let queues = Dictionary(uniqueKeysWithValues: topology.queues.map { ($0.name, $0) })
        #expect(
            Set(queues.keys) == [
                "notifications.events", "notifications.dead", "notifications.retry-500ms", "notifications.retry-30s",
                "notifications.retry-5m",
            ])
        let work = try #require(queues["notifications.events"])
        #expect(work.arguments["x-queue-type"] == "quorum")
        #expect(work.arguments["x-dead-letter-exchange"] == "p2g.dead")
        #expect(work.arguments["x-dead-letter-routing-key"] == "notifications")
        let retry = try #require(queues["notifications.retry-30s"])
        #expect(retry.arguments["x-message-ttl"] == .int(30_000))
        #expect(retry.arguments["x-dead-letter-exchange"] == "p2g.retry")
        #expect(retry.arguments["x-dead-letter-routing-key"] == "notifications.events")
        let bindings = Set(topology.bindings.map { "\($0.exchange) \($0.routingKey) -> \($0.queue)" })
        #expect(
            bindings == [
                "p2g.events registry.community-registered.* -> notifications.events",
                "p2g.retry notifications.events -> notifications.events",
                "p2g.retry notifications.retry-500ms -> notifications.retry-500ms",
                "p2g.retry notifications.retry-30s -> notifications.retry-30s",
                "p2g.retry notifications.retry-5m -> notifications.retry-5m",
                "p2g.dead notifications -> notifications.dead",
            ])
        // Topic exchanges, so that the broker's topic permissions hold the service to its own keys.
        #expect(topology.exchanges.allSatisfy { $0.kind == .topic })
    }

    @Test("commands: <service>.commands bound on p2g.commands, with delay queues of its own that return to it")
    func commandTopology() throws {
        let handlers = try MessageHandlers(commands: [RegisterOnCommand()])
        let topology = MessagingTopology.service(
            "registry",
            workQueues: [.init(name: "registry.commands", exchange: MessagingNames.commandsExchange, bindingKeys: handlers.bindingKeys)],
            retryDelays: [.seconds(5)])
        let queues = Dictionary(uniqueKeysWithValues: topology.queues.map { ($0.name, $0) })
        #expect(Set(queues.keys) == ["registry.commands", "registry.dead", "registry.commands.retry-5s"])
        #expect(queues["registry.commands.retry-5s"]?.arguments["x-dead-letter-routing-key"] == "registry.commands")
        let bindings = Set(topology.bindings.map { "\($0.exchange) \($0.routingKey) -> \($0.queue)" })
        #expect(
            bindings == [
                "p2g.commands registry.register-community.* -> registry.commands",
                "p2g.retry registry.commands -> registry.commands",
                "p2g.retry registry.commands.retry-5s -> registry.commands.retry-5s",
                "p2g.dead registry -> registry.dead",
            ])
    }

    @Test("a service without handlers declares only the exchanges")
    func noHandlers() {
        let topology = MessagingTopology.service("registry", workQueues: [], retryDelays: Self.delays)
        #expect(topology.queues.isEmpty && topology.bindings.isEmpty && topology.exchanges.count == 4)
    }

    @Test("handlers bind every version of their messages, and name the versions they handle when refusing another")
    func handlerRegistry() throws {
        let handlers = try MessageHandlers(events: [WelcomeOnRegistration()])
        #expect(handlers.types == [CommunityRegistered.eventType])
        #expect(handlers.bindingKeys == ["registry.community-registered.*"])
        let refusal = handlers.refusal(for: MessageType(service: "registry", name: "community-registered", version: 2))
        #expect(refusal == "unsupported version v2 of registry.community-registered; this service handles registry.community-registered.v1")
    }

    @Test("two handlers for one message type are refused at start")
    func duplicateHandlers() {
        #expect(throws: ServiceDefinitionError.self) { try MessageHandlers(events: [WelcomeOnRegistration(), WelcomeOnRegistration()]) }
    }
}
