import Foundation
import Postgres
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("A timer service killed between firing and COMMIT")
struct DurableTimerCrashTests {
    @Test("SIGKILL after the handler ran, before the COMMIT: the timer fires again after the restart, and its effect exists once")
    func killedBeforeCommit() async throws {
        try await TestSystem.run { system in
            let first = try await system.start(
                .probe, environment: ["P2G_FAIL_POINTS": "timer.before-commit", "P2G_TIMER_POLL_INTERVAL": "200ms"])
            let database = try await system.database(for: .probe)
            first.expectExit()
            try await database.client.query(
                "INSERT INTO timers (name, key, due_at, payload) VALUES ('probe-effect', 'kickoff', clock_timestamp(), '{\"note\": \"kickoff\"}')"
            )
            #expect(try await first.waitForExit() == 128 + SIGKILL)
            #expect(first.log.contains("fail point reached"))
            // The kill came before the COMMIT: no effect, the timer still waiting.
            #expect(try await Self.count(database, "SELECT count(*) FROM timer_effects") == 0)
            #expect(try await Self.count(database, "SELECT count(*) FROM timers WHERE key = 'kickoff'") == 1)

            try await system.start(.probe, environment: ["P2G_TIMER_POLL_INTERVAL": "200ms"])
            try await system.waitUntil(
                "the timer has fired again",
                probe: {
                    try await Self.count(database, "SELECT count(*) FROM timers")
                }
            ) { $0 == 0 }
            // Several poll intervals later, still one effect.
            try await Task.sleep(for: .seconds(1))
            #expect(try await Self.count(database, "SELECT count(*) FROM timer_effects WHERE key = 'kickoff'") == 1)
        }
    }

    static func count(_ database: ServiceDatabase, _ query: PostgresQuery) async throws -> Int {
        try await database.client.query(query)[0].decode(Int.self, at: 0)
    }
}
