import Foundation
import Postgres
import Testing

@Suite("The connection pool")
struct PoolTests {
    @Test("a transaction that throws leaves nothing behind; one that returns commits")
    func transactionRollsBackOnThrow() async throws {
        struct Refused: Error {}
        try await TestDatabase.withClient { client in
            let table = TestDatabase.uniqueName("pledges")
            try await client.query("CREATE TABLE \(identifier: table) (community text PRIMARY KEY, amount_cents bigint NOT NULL)")
            await #expect(throws: Refused.self) {
                try await client.withTransaction { connection in
                    try await connection.query("INSERT INTO \(identifier: table) VALUES ('New Orleans', 25000000)")
                    try await connection.query("INSERT INTO \(identifier: table) VALUES ('Des Moines', 25000000)")
                    throw Refused()
                }
            }
            let afterRollback = try await client.query("SELECT count(*) FROM \(identifier: table)")[0].decode(Int.self, at: 0)
            #expect(afterRollback == 0)

            try await client.withTransaction { connection in
                try await connection.query("INSERT INTO \(identifier: table) VALUES ('New Orleans', 25000000)")
            }
            let afterCommit = try await client.query("SELECT count(*) FROM \(identifier: table)")[0].decode(Int.self, at: 0)
            #expect(afterCommit == 1)

            // A statement that fails inside the transaction rolls the whole of it back.
            await #expect(throws: PostgresError.self) {
                try await client.withTransaction { connection in
                    try await connection.query("INSERT INTO \(identifier: table) VALUES ('Toronto', 1)")
                    try await connection.query("INSERT INTO \(identifier: table) VALUES ('New Orleans', 2)")
                }
            }
            let names = try await client.query("SELECT community FROM \(identifier: table) ORDER BY 1").map {
                try $0.decode(String.self, at: 0)
            }
            #expect(names == ["New Orleans"])
            try await client.query("DROP TABLE \(identifier: table)")
        }
    }

    @Test("200 concurrent tasks on a pool of 4 all get their own answer, and the pool never opens more than 4")
    func concurrentTasksShareFourConnections() async throws {
        let applicationName = TestDatabase.uniqueName("pool")
        try await TestDatabase.withClient(maximumConnections: 4, applicationName: applicationName) { client in
            let sessionCounts = try await withThrowingTaskGroup(of: (Int, Int, Int).self) { group in
                for task in 0..<200 {
                    group.addTask {
                        try await client.withConnection { connection in
                            let row = try await connection.query(
                                """
                                SELECT \(task) * 2 AS doubled,
                                       (SELECT count(*) FROM pg_stat_activity WHERE application_name = \(applicationName)) AS sessions,
                                       pg_sleep(0.005)::text AS slept
                                """)[0]
                            return (task, try row.decode(Int.self, "doubled"), try row.decode(Int.self, "sessions"))
                        }
                    }
                }
                var maximumSessions = 0
                var answered = 0
                for try await (task, doubled, sessions) in group {
                    #expect(doubled == task * 2)
                    maximumSessions = max(maximumSessions, sessions)
                    answered += 1
                }
                #expect(answered == 200)
                return maximumSessions
            }
            #expect(sessionCounts <= 4)
            let statistics = client.statistics
            #expect(statistics.peakOpenConnections <= 4)
            #expect(statistics.peakOpenConnections >= 2)
            #expect(statistics.leasedConnections == 0)
            #expect(statistics.waitingTasks == 0)
        }
    }

    @Test("errors carry SQLSTATE: a unique violation is recognisable, and its description shows no values")
    func uniqueViolationIsRecognisable() async throws {
        try await TestDatabase.withClient { client in
            let table = TestDatabase.uniqueName("volunteers")
            try await client.query("CREATE TABLE \(identifier: table) (email text PRIMARY KEY)")
            try await client.query("INSERT INTO \(identifier: table) VALUES (\("volunteer@example.org"))")
            let error = await #expect(throws: PostgresError.self) {
                try await client.query("INSERT INTO \(identifier: table) VALUES (\("volunteer@example.org"))")
            }
            #expect(error?.code == .uniqueViolation)
            #expect(error?.isRetryable == false)
            #expect(error?.constraint == "\(table)_pkey")
            #expect(error?.description.contains("volunteer@example.org") == false)
            #expect(error?.debugDescription.contains("volunteer@example.org") == true)

            let syntax = await #expect(throws: PostgresError.self) { try await client.query("SELEC 1") }
            #expect(syntax?.code == .syntaxError)
            try await client.query("DROP TABLE \(identifier: table)")
        }
    }

    @Test("two transactions that conflict under SERIALIZABLE: one fails with a retryable serialization failure")
    func serializationFailureIsRetryable() async throws {
        try await TestDatabase.withClient(maximumConnections: 2) { client in
            let table = TestDatabase.uniqueName("budget")
            try await client.query("CREATE TABLE \(identifier: table) (id int PRIMARY KEY, cents bigint)")
            try await client.query("INSERT INTO \(identifier: table) VALUES (1, 100)")
            try await client.withConnection { first in
                try await client.withConnection { second in
                    try await first.query("BEGIN ISOLATION LEVEL SERIALIZABLE")
                    try await second.query("BEGIN ISOLATION LEVEL SERIALIZABLE")
                    _ = try await first.query("SELECT cents FROM \(identifier: table) WHERE id = 1")
                    _ = try await second.query("SELECT cents FROM \(identifier: table) WHERE id = 1")
                    try await first.query("UPDATE \(identifier: table) SET cents = cents + 1 WHERE id = 1")
                    try await first.query("COMMIT")
                    let error = await #expect(throws: PostgresError.self) {
                        try await second.query("UPDATE \(identifier: table) SET cents = cents + 1 WHERE id = 1")
                    }
                    #expect(error?.code == .serializationFailure)
                    #expect(error?.isRetryable == true)
                    try await second.query("ROLLBACK")
                }
            }
            try await client.query("DROP TABLE \(identifier: table)")
        }
    }

    @Test("a statement prepared earlier in the session still runs after its table changes shape")
    func preparedStatementSurvivesSchemaChange() async throws {
        try await TestDatabase.withClient(maximumConnections: 1) { client in
            let table = TestDatabase.uniqueName("communities")
            try await client.query("CREATE TABLE \(identifier: table) (name text)")
            try await client.query("INSERT INTO \(identifier: table) VALUES ('Sderot')")
            let before = try await client.query("SELECT * FROM \(identifier: table)")
            #expect(before.columns.map(\.name) == ["name"])
            try await client.query("ALTER TABLE \(identifier: table) ADD COLUMN region text DEFAULT 'Western Negev'")
            let after = try await client.query("SELECT * FROM \(identifier: table)")
            #expect(after.columns.map(\.name) == ["name", "region"])
            #expect(try after[0].decode(String.self, "region") == "Western Negev")
            try await client.query("DROP TABLE \(identifier: table)")
        }
    }

    @Test("a cancelled task cancels its statement on the server")
    func cancellationReachesTheServer() async throws {
        try await TestDatabase.withClient { client in
            let started = ContinuousClock.now
            let task = Task { try await client.query("SELECT pg_sleep(30)") }
            // Cancel once the statement runs on the server: a busy machine can take longer
            // than any fixed pause to open the connection that carries it.
            var running = false
            while !running && ContinuousClock.now - started < .seconds(15) {
                try await Task.sleep(for: .milliseconds(50))
                running =
                    try await client.query(
                        """
                        SELECT count(*) AS running FROM pg_stat_activity
                        WHERE query = 'SELECT pg_sleep(30)' AND state = 'active' AND datname = current_database()
                        """)[0].decode(Int.self, "running") > 0
            }
            #expect(running)
            task.cancel()
            let error = await #expect(throws: PostgresError.self) { try await task.value }
            #expect(error?.code == .queryCanceled)
            #expect(ContinuousClock.now - started < .seconds(20))
            let after = try await client.query("SELECT 1 AS one")[0].decode(Int.self, "one")
            #expect(after == 1)
        }
    }
}
