import Foundation
import Testing

@Suite("Communities registered in the registry reach the three consumers")
struct FanOutTests {
    @Test("1,000 communities registered over HTTP: matching, scheduling and notifications each hold exactly 1,000")
    func thousandCommunitiesReachEveryConsumer() async throws {
        try await TestSystem.run { system in
            let registry = try await system.start(.registry)
            var consumers: [ServiceKind: ServiceProcess] = [:]
            for kind in ServiceKind.consumers { consumers[kind] = try await system.start(kind) }

            let ids = try await RegistryClient(registry).registerAll(0..<1000)
            #expect(Set(ids).count == 1000)

            // What a user sees: each service's GET /communities total.
            for kind in ServiceKind.consumers {
                let process = try #require(consumers[kind])
                try await system.waitUntil("\(kind) answers total 1000", probe: { try await Self.total(process) }) { $0 == 1000 }
            }
            let registryTotal = try await Self.total(registry, key: "total")
            #expect(registryTotal == 1000)

            // And in their databases: exactly those communities, each once.
            for kind in ServiceKind.consumers {
                let database = try await system.database(for: kind)
                let effects = try await database.effects()
                #expect(effects.isExactlyOnce(1000), "\(kind): \(effects)")
                #expect(try await database.communityIDs() == Set(ids), "\(kind) holds other communities than the registry registered")
                #expect(try await system.messageCount(kind.deadLetterQueue) == 0)
            }
            for kind in ServiceKind.consumers {
                let metrics = try await #require(consumers[kind]).metrics()
                #expect(metrics.value("p2g_messages_handled_total", ["type": "registry.community-registered.v1"]) == 1000, "\(kind)")
                #expect(metrics.value("p2g_handler_duration_seconds_count") == 1000, "\(kind): handler latency recorded")
            }
            let registryMetrics = try await registry.metrics()
            #expect(registryMetrics.value("p2g_outbox_published_total") == 1000)
            let welcomes = try await system.database(for: .notifications).notificationsPerRecipient()
            #expect(welcomes.values.allSatisfy { $0 == 1 }, "every community is owed exactly one welcome")
        }
    }

    @Test(
        "with P2G_OUTBOX_LINGER and P2G_CONSUMER_LINGER, registrations one at a time travel in batches, and each consumer still holds each community once"
    )
    func lingerGathersATrickle() async throws {
        try await TestSystem.run { system in
            let linger = ["P2G_OUTBOX_LINGER": "200ms", "P2G_CONSUMER_LINGER": "200ms"]
            let registry = try await system.start(.registry, environment: linger)
            var consumers: [ServiceKind: ServiceProcess] = [:]
            for kind in ServiceKind.consumers { consumers[kind] = try await system.start(kind, environment: linger) }

            // One request at a time: without lingering, each event would be published, and
            // handled, in a transaction of its own.
            let ids = try await RegistryClient(registry).registerAll(0..<100, concurrency: 1)
            for kind in ServiceKind.consumers {
                let process = try #require(consumers[kind])
                try await system.waitUntil("\(kind) answers total 100", probe: { try await Self.total(process) }) { $0 == 100 }
            }

            // A transaction's rows share its now(): distinct times count the transactions.
            let relayed = try await system.database(for: .registry).client.query(
                "SELECT count(*), count(DISTINCT sent_at) FROM outbox")[0].decode((Int, Int).self)
            #expect(relayed.0 == 100)
            #expect(relayed.1 <= 50, "the relay published 100 events in \(relayed.1) batches")
            for kind in ServiceKind.consumers {
                let database = try await system.database(for: kind)
                let effects = try await database.effects()
                #expect(effects.isExactlyOnce(100), "\(kind): \(effects)")
                #expect(try await database.communityIDs() == Set(ids))
                let transactions = try await database.client.query("SELECT count(DISTINCT handled_at) FROM inbox")[0].decode(
                    Int.self, at: 0)
                #expect(transactions <= 50, "\(kind) handled 100 messages in \(transactions) transactions")
            }
        }
    }

    static func total(_ process: ServiceProcess, key: String = "total") async throws -> Int {
        let answer = try await HTTPClient.get("\(process.baseURL)/communities?limit=1")
        guard answer.status == 200, let object = try JSONSerialization.jsonObject(with: answer.body) as? [String: Any],
            let total = object[key] as? Int
        else { throw TimedOut(description: "GET /communities answered \(answer.status): \(answer.text)") }
        return total
    }
}
