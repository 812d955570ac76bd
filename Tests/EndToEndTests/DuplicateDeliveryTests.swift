import Contracts
import Foundation
import Postgres
import Testing

@Suite("A message delivered more than once has one effect")
struct DuplicateDeliveryTests {
    @Test(
        "the same message id published twice in a row and once more later: one recipient, one welcome, the duplicates acknowledged and counted"
    )
    func sameMessageIDThreeTimes() async throws {
        try await TestSystem.run { system in
            let notifications = try await system.start(.notifications)
            let database = try await system.database(for: .notifications)
            let events = SampleCommunities.events(2)
            let repeated = UUID()

            // Twice back to back: most likely in one batch, one transaction.
            try await system.publish([events[0], events[0]], messageIDs: [repeated, repeated])
            try await system.waitUntil(
                "the first copy is handled and the second counted as a duplicate",
                probe: {
                    try await notifications.metrics().value("p2g_messages_duplicate_total")
                }
            ) { $0 == 1 }
            // Once more after it was handled.
            try await system.publish([events[0]], messageIDs: [repeated])
            try await system.waitUntil(
                "the third copy is counted as a duplicate",
                probe: {
                    try await notifications.metrics().value("p2g_messages_duplicate_total")
                }
            ) { $0 == 2 }
            // The consumer goes on with the next message.
            try await system.publish([events[1]])
            try await system.waitForExactlyOnce(2, in: [.notifications])

            let metrics = try await notifications.metrics()
            #expect(metrics.value("p2g_messages_handled_total") == 2)
            #expect(metrics.value("p2g_messages_parked_total") == 0)
            #expect(try await database.notificationsPerRecipient() == [events[0].communityId: 1, events[1].communityId: 1])

            // Every copy was acknowledged: once the consumer is gone, nothing comes back to the queue.
            notifications.terminate()
            #expect(try await notifications.waitForExit() == 0)
            #expect(try await system.messageCount(ServiceKind.notifications.workQueue) == 0)
            #expect(try await system.messageCount(ServiceKind.notifications.deadLetterQueue) == 0)
        }
    }

    @Test("an outbox row published again by the registry's relay: every consumer counts a duplicate and keeps one effect")
    func republishedOutboxRow() async throws {
        try await TestSystem.run { system in
            let registry = try await system.start(.registry)
            var consumers: [ServiceKind: ServiceProcess] = [:]
            for kind in ServiceKind.consumers { consumers[kind] = try await system.start(kind) }
            let ids = try await RegistryClient(registry).registerAll(0..<3)
            try await system.waitForExactlyOnce(3, in: ServiceKind.consumers)

            // As if the relay had crashed after the broker confirmed but before it marked the row.
            let registryDatabase = try await system.database(for: .registry)
            let resent = try await registryDatabase.client.query(
                "UPDATE outbox SET sent_at = NULL WHERE body::jsonb ->> 'communityId' = \(ids[0].uuidString.lowercased())")
            #expect(resent.affectedRows == 1)

            for kind in ServiceKind.consumers {
                let process = try #require(consumers[kind])
                try await system.waitUntil(
                    "\(kind) counts the republished message as a duplicate",
                    probe: {
                        try await process.metrics().value("p2g_messages_duplicate_total")
                    }
                ) { $0 == 1 }
                let effects = try await system.database(for: kind).effects()
                #expect(effects.isExactlyOnce(3), "\(kind): \(effects)")
                #expect(try await process.metrics().value("p2g_messages_handled_total") == 3)
                #expect(try await system.messageCount(kind.deadLetterQueue) == 0)
            }
        }
    }
}
