import Foundation
import Postgres
import Testing

@Suite("Migrations")
struct MigratorTests {
    static func migrations(table: String) -> [PostgresMigration] {
        [
            PostgresMigration(name: "001-communities", sql: "CREATE TABLE \(table) (id uuid PRIMARY KEY, name text NOT NULL);"),
            PostgresMigration(name: "002-region", sql: "ALTER TABLE \(table) ADD COLUMN region text; SELECT pg_sleep(0.2);"),
            PostgresMigration(name: "003-index", sql: "CREATE INDEX ON \(table) (region);"),
        ]
    }

    @Test("two migrators started at the same moment apply each migration exactly once")
    func concurrentMigratorsApplyOnce() async throws {
        let table = TestDatabase.uniqueName("communities")
        let history = TestDatabase.uniqueName("history")
        let migrations = Self.migrations(table: table)
        let first = PostgresClient(configuration: try TestDatabase.configuration(), logger: TestDatabase.logger)
        let second = PostgresClient(configuration: try TestDatabase.configuration(), logger: TestDatabase.logger)
        async let appliedByFirst = PostgresMigrator(migrations: migrations, historyTable: history, logger: TestDatabase.logger).migrate(
            on: first)
        async let appliedBySecond = PostgresMigrator(migrations: migrations, historyTable: history, logger: TestDatabase.logger).migrate(
            on: second)
        let (a, b) = try await (appliedByFirst, appliedBySecond)
        #expect((a + b).sorted() == migrations.map(\.name))
        #expect(a.isEmpty || b.isEmpty)

        let recorded = try await first.query("SELECT name FROM \(identifier: history) ORDER BY name").map {
            try $0.decode(String.self, at: 0)
        }
        #expect(recorded == migrations.map(\.name))
        let again = try await PostgresMigrator(migrations: migrations, historyTable: history, logger: TestDatabase.logger).migrate(
            on: first)
        #expect(again.isEmpty)
        try await first.query("DROP TABLE \(identifier: table), \(identifier: history)")
        await first.shutdown()
        await second.shutdown()
    }

    @Test("a migration changed after it was applied is refused with a clear error")
    func changedMigrationIsRefused() async throws {
        let table = TestDatabase.uniqueName("communities")
        let history = TestDatabase.uniqueName("history")
        try await TestDatabase.withClient { client in
            var migrations = Self.migrations(table: table)
            try await PostgresMigrator(migrations: migrations, historyTable: history, logger: TestDatabase.logger).migrate(on: client)
            migrations[1].sql = "ALTER TABLE \(table) ADD COLUMN region varchar(80);"
            let error = await #expect(throws: PostgresMigrationError.self) {
                try await PostgresMigrator(migrations: migrations, historyTable: history, logger: TestDatabase.logger).migrate(on: client)
            }
            #expect(error?.description.contains("002-region") == true)
            #expect(error?.description.contains("new migration") == true)
            try await client.query("DROP TABLE \(identifier: table), \(identifier: history)")
        }
    }

    @Test("a failing migration is rolled back whole and not recorded; the ones before it stay")
    func failingMigrationRollsBack() async throws {
        let table = TestDatabase.uniqueName("communities")
        let history = TestDatabase.uniqueName("history")
        try await TestDatabase.withClient { client in
            let migrations = [
                PostgresMigration(name: "001", sql: "CREATE TABLE \(table) (id int);"),
                PostgresMigration(
                    name: "002", sql: "ALTER TABLE \(table) ADD COLUMN kind text; ALTER TABLE no_such_table ADD COLUMN x int;"),
            ]
            let error = await #expect(throws: PostgresMigrationError.self) {
                try await PostgresMigrator(migrations: migrations, historyTable: history, logger: TestDatabase.logger).migrate(on: client)
            }
            #expect(error?.description.contains("\"002\" failed") == true)
            let recorded = try await client.query("SELECT name FROM \(identifier: history)").map { try $0.decode(String.self, at: 0) }
            #expect(recorded == ["001"])
            let columns = try await client.query(
                "SELECT column_name FROM information_schema.columns WHERE table_name = \(table)"
            ).map { try $0.decode(String.self, at: 0) }
            #expect(columns == ["id"])
            try await client.query("DROP TABLE \(identifier: table), \(identifier: history)")
        }
    }

    @Test("two migrations with one name are refused before anything runs")
    func duplicateNamesAreRefused() async throws {
        try await TestDatabase.withClient { client in
            let error = await #expect(throws: PostgresMigrationError.self) {
                try await PostgresMigrator(
                    migrations: [PostgresMigration(name: "001", sql: "SELECT 1"), PostgresMigration(name: "001", sql: "SELECT 2")],
                    historyTable: TestDatabase.uniqueName("history"), logger: TestDatabase.logger
                ).migrate(on: client)
            }
            #expect(error?.reason == .duplicateName("001"))
        }
    }
}
