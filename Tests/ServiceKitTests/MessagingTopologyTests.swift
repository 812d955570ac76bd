import AMQP
import Contracts
import Foundation
import Postgres
import ServiceKit
import Testing

@Suite("The topology a consuming service declares")
struct MessagingTopologyTests {
    @Test("work queue, delay queues named after their delays, dead-letter queue, and their bindings")
    func consumerTopology() throws {
        let topology = MessagingTopology.consumer(
            service: "notifications", bindingKeys: ["registry.community-registered.*"], retryDelays: [.milliseconds(500), .seconds(30), .seconds(300)])
        #expect(Set(topology.exchanges.map(\.name)) == ["p2g.events", "p2g.commands", "p2g.dead", "p2g.retry"])
        let queues = Dictionary(uniqueKeysWithValues: topology.queues.map { ($0.name, $0) })
        #expect(Set(queues.keys) == ["notifications.events", "notifications.dead", "notifications.retry-500ms", "notifications.retry-30s", "notifications.retry-5m"])
        let work = try #require(queues["notifications.events"])
        #expect(work.arguments["x-queue-type"] == "quorum")
        #expect(work.arguments["x-dead-letter-exchange"] == "p2g.dead")
        #expect(work.arguments["x-dead-letter-routing-key"] == "notifications")
        let retry = try #require(queues["notifications.retry-30s"])
        #expect(retry.arguments["x-message-ttl"] == .int(30_000))
        #expect(retry.arguments["x-dead-letter-exchange"] == "p2g.retry")
        #expect(retry.arguments["x-dead-letter-routing-key"] == "notifications.events")
        let bindings = Set(topology.bindings.map { "\($0.exchange) \($0.routingKey) -> \($0.queue)" })
        #expect(bindings == [
            "p2g.events registry.community-registered.* -> notifications.events",
            "p2g.retry notifications.events -> notifications.events",
            "p2g.dead notifications -> notifications.dead",
        ])
    }

    @Test("handlers bind every version of their events, and name the versions they handle when refusing another")
    func handlerRegistry() {
        var handlers = EventHandlers()
        handlers.on(CommunityRegistered.self) { _, _ in }
        #expect(handlers.eventTypes == [CommunityRegistered.eventType])
    }
}
