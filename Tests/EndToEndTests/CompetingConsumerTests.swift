import Foundation
import Testing

@Suite("Several instances of one service")
struct CompetingConsumerTests {
    @Test("two scheduling instances started together on one database share 5,000 events: each event has exactly one effect")
    func twoInstancesShareTheStream() async throws {
        try await TestSystem.run { system in
            // Started together: both migrate the fresh database under the advisory lock.
            let instances = [
                try await system.start(.scheduling, waitUntilReady: false), try await system.start(.scheduling, waitUntilReady: false),
            ]
            for instance in instances { try await instance.waitUntilReady() }
            let events = SampleCommunities.events(5000)
            try await system.publish(events)

            try await system.waitForExactlyOnce(5000, in: [.scheduling])
            let database = try await system.database(for: .scheduling)
            #expect(try await database.communityIDs() == Set(events.map(\.communityId)))
            var handled: [Double] = []
            for instance in instances { handled.append(try await instance.metrics().value("p2g_messages_handled_total")) }
            #expect(handled.allSatisfy { $0 > 0 }, "both instances took a share: \(handled)")
            #expect(handled.reduce(0, +) == 5000, "handled by the instances together: \(handled)")
            #expect(try await system.messageCount(ServiceKind.scheduling.deadLetterQueue) == 0)
        }
    }
}
