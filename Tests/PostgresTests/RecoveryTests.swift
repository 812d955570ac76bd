import Foundation
import Postgres
import TestSupport
import Testing

@Suite("Recovery after the server goes away")
struct RecoveryTests {
    @Test("PostgreSQL restarted mid-test: the statement in flight fails as retryable, and the next ones succeed")
    func recoversAfterRestart() async throws {
        try await TestDatabase.withClient(maximumConnections: 3) { client in
            let table = TestDatabase.uniqueName("events")
            try await client.query("CREATE TABLE \(identifier: table) (n int)")
            // Warm the pool so that idle connections exist when the server goes down.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<3 { group.addTask { try await client.query("SELECT pg_sleep(0.05)") } }
                try await group.waitForAll()
            }
            #expect(client.statistics.openConnections == 3)

            let inFlight = Task { try await client.query("SELECT pg_sleep(20)") }
            try await Task.sleep(for: .milliseconds(500))
            try await LocalStack.restart(.postgres)

            let error = await #expect(throws: PostgresError.self) { try await inFlight.value }
            #expect(error?.isRetryable == true)

            for n in 0..<20 {
                try await client.query("INSERT INTO \(identifier: table) VALUES (\(n))")
            }
            let count = try await client.query("SELECT count(*) FROM \(identifier: table)")[0].decode(Int.self, at: 0)
            #expect(count == 20)
            #expect(client.statistics.openConnections <= 3)
            try await client.query("DROP TABLE \(identifier: table)")
        }
    }

    @Test("an idle connection the server terminated is reopened before use, without an error")
    func terminatedIdleConnectionIsReopened() async throws {
        try await TestDatabase.withClient(maximumConnections: 1) { client in
            let firstPID = try await client.query("SELECT pg_backend_pid()")[0].decode(Int32.self, at: 0)
            let admin = PostgresClient(
                configuration: try PostgresConfiguration(url: LocalStack.adminDatabaseURL()), logger: TestDatabase.logger)
            try await admin.query("SELECT pg_terminate_backend(\(firstPID))")
            await admin.shutdown()
            try await Task.sleep(for: .milliseconds(200))
            let secondPID = try await client.query("SELECT pg_backend_pid()")[0].decode(Int32.self, at: 0)
            #expect(secondPID != firstPID)
        }
    }

    @Test("a transaction whose connection is killed fails as retryable and the pool replaces the connection")
    func connectionLostInsideTransaction() async throws {
        try await TestDatabase.withClient(maximumConnections: 1) { client in
            let error = await #expect(throws: PostgresError.self) {
                try await client.withTransaction { connection in
                    try await connection.query("SELECT pg_terminate_backend(pg_backend_pid())")
                }
            }
            #expect(error?.isRetryable == true)
            let one = try await client.query("SELECT 1")[0].decode(Int.self, at: 0)
            #expect(one == 1)
        }
    }

    @Test("a connection killed in the middle of a pipeline, first or later in it: retryable, nothing kept, the pool goes on")
    func connectionLostInsidePipeline() async throws {
        try await TestDatabase.withClient(maximumConnections: 1) { client in
            let table = TestDatabase.uniqueName("pledges")
            try await client.query("CREATE TABLE \(identifier: table) (community text PRIMARY KEY)")
            // BEGIN, the two pipelined statements and COMMIT in one round trip; the server's
            // farewell comes on top of the statements' results.
            let atCommit = await #expect(throws: PostgresError.self) {
                try await client.withTransaction { connection in
                    try await connection.pipeline("INSERT INTO \(identifier: table) VALUES ('Sderot')")
                    try await connection.pipeline("SELECT pg_terminate_backend(pg_backend_pid())")
                    try await connection.pipeline("INSERT INTO \(identifier: table) VALUES ('Ofakim')")
                }
            }
            #expect(atCommit?.isRetryable == true)
            // The same, carried by the next statement.
            let atNext = await #expect(throws: PostgresError.self) {
                try await client.withTransaction { connection in
                    try await connection.query("INSERT INTO \(identifier: table) VALUES ('Netivot')")
                    try await connection.pipeline("SELECT pg_terminate_backend(pg_backend_pid())")
                    try await connection.query("INSERT INTO \(identifier: table) VALUES ('Eshkol')")
                }
            }
            #expect(atNext?.isRetryable == true)
            let kept = try await client.query("SELECT count(*) FROM \(identifier: table)")[0].decode(Int.self, at: 0)
            #expect(kept == 0)
            try await client.query("DROP TABLE \(identifier: table)")
        }
    }

    @Test(
        "PostgreSQL restarted while pipelined transactions run back to back: each commits or fails as retryable, and the next ones commit")
    func restartDuringPipelines() async throws {
        try await TestDatabase.withClient(maximumConnections: 2) { client in
            let table = TestDatabase.uniqueName("pledges")
            try await client.query("CREATE TABLE \(identifier: table) (n int PRIMARY KEY)")
            // Writes until 20 transactions in a row have committed after the last failure.
            let writer = Task { () throws -> (committed: Set<Int>, failures: [PostgresError]) in
                var committed = Set<Int>()
                var failures: [PostgresError] = []
                var sinceFailure = 0
                for n in 0..<100_000 where failures.isEmpty || sinceFailure < 20 {
                    do {
                        try await client.withTransaction { connection in
                            try await connection.pipeline("INSERT INTO \(identifier: table) VALUES (\(Int32(n)))")
                            try await connection.pipeline("UPDATE \(identifier: table) SET n = n WHERE n = \(Int32(n))")
                        }
                        committed.insert(n)
                        sinceFailure += 1
                    } catch let error as PostgresError {
                        failures.append(error)
                        sinceFailure = 0
                        try await Task.sleep(for: .milliseconds(20))
                    }
                }
                return (committed, failures)
            }
            try await Task.sleep(for: .milliseconds(300))
            try await LocalStack.restart(.postgres)
            let (committed, failures) = try await writer.value
            #expect(!failures.isEmpty, "the restart interrupted no transaction")
            let notRetryable = failures.filter { !$0.isRetryable }
            #expect(notRetryable.isEmpty, "\(notRetryable)")
            // Whatever reported a commit is there; a transaction that failed may have committed
            // just before the server went (its rows are there too), never half of one.
            let stored = Set(try await client.query("SELECT n FROM \(identifier: table)").map { Int(try $0.decode(Int32.self, at: 0)) })
            #expect(committed.isSubset(of: stored))
            let after = try await client.withTransaction { connection in
                try await connection.pipeline("INSERT INTO \(identifier: table) VALUES (-1)")
                return try await connection.query("SELECT count(*) FROM \(identifier: table) WHERE n = -1")[0].decode(Int.self, at: 0)
            }
            #expect(after == 1)
            try await client.query("DROP TABLE \(identifier: table)")
        }
    }
}
