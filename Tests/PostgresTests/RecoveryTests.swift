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
}
