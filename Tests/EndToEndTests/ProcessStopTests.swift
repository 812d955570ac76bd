import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("A consumer stopped in the middle of a stream")
struct ProcessStopTests {
    static let streamLength = 5000

    @Test("notifications killed with SIGKILL in the middle of 5,000 events, then restarted: every event has exactly one effect")
    func killedMidStream() async throws {
        try await TestSystem.run { system in
            let first = try await system.start(.notifications)
            let database = try await system.database(for: .notifications)
            let events = SampleCommunities.events(Self.streamLength)
            try await system.publish(events)

            let handledBeforeKill = try await system.waitUntil(
                "notifications has handled some of the stream", interval: .milliseconds(10),
                probe: {
                    try await database.inboxCount()
                }
            ) { $0 >= 1000 }
            first.kill()
            #expect(try await first.waitForExit() == 128 + SIGKILL)
            #expect(handledBeforeKill < Self.streamLength, "the kill came after the stream had been handled")

            try await system.start(.notifications)
            try await system.waitForExactlyOnce(Self.streamLength, in: [.notifications])
            #expect(try await database.communityIDs() == Set(events.map(\.communityId)))
            #expect(try await database.notificationsPerRecipient().values.allSatisfy { $0 == 1 }, "a community got two welcomes")
            #expect(try await system.messageCount(ServiceKind.notifications.deadLetterQueue) == 0)
        }
    }

    @Test(
        "matching sent SIGTERM while it holds deliveries: exits 0, every message is handled or back in the queue, and after a restart each has one effect"
    )
    func terminatedMidStream() async throws {
        try await TestSystem.run { system in
            // Small batches and a small prefetch, so that the stream takes hundreds of commits
            // and SIGTERM lands in its middle however fast the machine is.
            let first = try await system.start(
                .matching, environment: ["P2G_CONSUMER_BATCH_SIZE": "20", "P2G_CONSUMER_PREFETCH": "40"])
            let database = try await system.database(for: .matching)
            let events = SampleCommunities.events(Self.streamLength)
            try await system.publish(events)

            try await system.waitUntil(
                "matching has handled some of the stream", interval: .milliseconds(10),
                probe: {
                    try await database.inboxCount()
                }
            ) { $0 >= 1000 }
            first.terminate()
            #expect(try await first.waitForExit() == 0)
            #expect(first.log.contains("stopped consuming"))

            // Nothing lost and nothing acknowledged without its effect: the handled messages
            // and those back in the queue cover the stream. Once in a while (seen once in about
            // ten full runs) the acknowledgements of the last batch, committed just before the
            // stop, do not take: that batch is back in the queue as well, and the inbox absorbs
            // it after the restart, which the exactly-once check below proves.
            let handled = try await database.inboxCount()
            #expect(handled < Self.streamLength, "SIGTERM came after the stream had been handled")
            let covered = try await system.waitUntil(
                "the messages not handled are back in the queue", timeout: .seconds(30),
                probe: {
                    try await handled + system.messageCount(ServiceKind.matching.workQueue)
                }
            ) { $0 >= Self.streamLength }
            print("SIGTERM mid-stream: \(handled) handled, \(covered - Self.streamLength) handled ones back in the queue")

            try await system.start(.matching)
            try await system.waitForExactlyOnce(Self.streamLength, in: [.matching])
            #expect(try await database.communityIDs() == Set(events.map(\.communityId)))
            #expect(try await system.messageCount(ServiceKind.matching.deadLetterQueue) == 0)
        }
    }
}
