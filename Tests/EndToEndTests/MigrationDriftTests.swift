import Foundation
import Testing

@Suite("A migration changed after it was applied")
struct MigrationDriftTests {
    @Test("the registry refuses to start, with one line naming the migration, and exits 1")
    func changedMigrationStopsTheService() async throws {
        try await TestSystem.run { system in
            let first = try await system.start(.registry)
            await first.stop()
            let database = try await system.database(for: .registry)
            // As if the migration's SQL had been edited since it was applied.
            try await database.client.query("UPDATE schema_migrations SET checksum = md5(checksum) WHERE name = 'registry-001-communities'")

            let second = try await system.start(.registry, waitUntilReady: false)
            second.expectExit()
            #expect(try await second.waitForExit() == 1)
            let lines = second.log.split(separator: "\n").filter { $0.contains("registry-001-communities") }
            #expect(lines.count == 1, "\(second.log)")
            #expect(lines.first?.contains("was applied with checksum") == true)
            #expect(lines.first?.contains("put the change in a new migration") == true)
        }
    }
}
