import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("The registry's outbox")
struct RegistryOutboxTests {
    @Test(
        "the registry killed with SIGKILL while 3,000 communities are being registered, then restarted: the consumers hold each community exactly once"
    )
    func registryKilledMidStream() async throws {
        try await TestSystem.run { system in
            let first = try await system.start(.registry)
            try await system.start(.matching)
            let matching = try await system.database(for: .matching)
            let registering = Task { try await RegistryClient(first).registerAll(0..<3000) }
            try await system.waitUntil(
                "matching has handled some of the stream", interval: .milliseconds(10),
                probe: {
                    try await matching.inboxCount()
                }
            ) { $0 >= 500 }

            first.kill()
            #expect(try await first.waitForExit() == 128 + SIGKILL)
            // On the same port: the clients retry their requests, with their idempotency keys.
            try await system.start(.registry, port: first.httpPort)

            let ids = try await registering.value
            #expect(try await system.database(for: .registry).communityIDs() == Set(ids))
            try await system.waitForExactlyOnce(3000, in: [.matching])
            #expect(try await matching.communityIDs() == Set(ids))
        }
    }

    @Test("two registry instances share one outbox: every event is published once, and the consumers hold each community once")
    func twoRegistriesShareTheOutbox() async throws {
        try await TestSystem.run { system in
            let registries = [try await system.start(.registry), try await system.start(.registry)]
            let consumer = try await system.start(.notifications)
            async let firstHalf = RegistryClient(registries[0]).registerAll(0..<1000, runKey: "first")
            async let secondHalf = RegistryClient(registries[1]).registerAll(1000..<2000, runKey: "second")
            let ids = try await firstHalf + secondHalf
            #expect(Set(ids).count == 2000)

            try await system.waitForExactlyOnce(2000, in: [.notifications])
            // Both relays claim rows with SKIP LOCKED: neither sends a row the other sent.
            #expect(try await consumer.metrics().value("p2g_messages_duplicate_total") == 0)
            var published: [Double] = []
            for registry in registries { published.append(try await registry.metrics().value("p2g_outbox_published_total")) }
            #expect(published.reduce(0, +) == 2000, "published by the two relays: \(published)")
            let unsent = try await system.database(for: .registry).client.query(
                "SELECT count(*) FROM outbox WHERE sent_at IS NULL")[0].decode(Int.self, at: 0)
            #expect(unsent == 0)
        }
    }
}
