import Foundation
import Postgres
import Testing

@Suite("A service's own workers")
struct WorkerLifecycleTests {
    @Test("a worker starts after the migrations, and on SIGTERM stops before the database closes; the service exits 0")
    func startsAfterMigrationsStopsInOrder() async throws {
        try await TestSystem.run { system in
            let probe = try await system.start(.probe)
            let database = try await system.database(for: .probe)
            try await system.waitUntil(
                "the worker has started",
                probe: {
                    try await database.client.query("SELECT count(*) FROM worker_log WHERE event = 'started'")[0].decode(Int.self, at: 0)
                }
            ) { $0 == 1 }
            probe.terminate()
            #expect(try await probe.waitForExit() == 0)
            let events = try await database.client.query("SELECT event FROM worker_log ORDER BY id").map {
                try $0.decode(String.self, at: 0)
            }
            #expect(events == ["started", "stopped"])
        }
    }
}
