import Foundation
import Postgres
import TestSupport
import Testing

@Suite("A server that stops answering")
struct UnansweredStatementTests {
    /// A client reaching the test database through `proxy`, with `statementTimeout`.
    static func client(through proxy: TCPProxy, statementTimeout: Duration?) throws -> PostgresClient {
        var components = try #require(URLComponents(string: try LocalStack.testDatabaseURL()))
        components.port = proxy.port
        let url = try #require(components.string)
        let configuration = try PostgresConfiguration(url: url, maximumConnections: 1, statementTimeout: statementTimeout)
        return PostgresClient(configuration: configuration, logger: TestDatabase.logger)
    }

    static func databasePort() throws -> Int {
        try #require(URLComponents(string: try LocalStack.testDatabaseURL())?.port)
    }

    @Test(
        "the path freezes under a statement: it fails as unreachable once the statement timeout and its grace have passed, and the pool recovers"
    )
    func frozenPathGivesUp() async throws {
        let proxy = try TCPProxy(forwardingTo: try Self.databasePort())
        let client = try Self.client(through: proxy, statementTimeout: .seconds(1))
        defer { Task { await client.shutdown() } }
        #expect(try await client.query("SELECT 1")[0].decode(Int.self, at: 0) == 1)

        proxy.freezeAll()
        let started = ContinuousClock.now
        let error = await #expect(throws: PostgresError.self) { try await client.query("SELECT 2") }
        let waited = ContinuousClock.now - started
        #expect(error?.meansServerUnreachable == true, "\(String(describing: error))")
        #expect(error?.message.contains("did not answer within") == true, "\(String(describing: error))")
        // Given up after the timeout and its grace (3s), not before and not never.
        #expect(waited >= .seconds(3), "gave up after \(waited)")

        // New connections through the proxy work: the pool opens one in place of the dead one.
        #expect(try await client.query("SELECT 3")[0].decode(Int.self, at: 0) == 3)
    }

    @Test("a statement running longer than the statement timeout is cancelled by the server, and the connection stays usable")
    func serverCancelsLongStatements() async throws {
        let proxy = try TCPProxy(forwardingTo: try Self.databasePort())
        let client = try Self.client(through: proxy, statementTimeout: .milliseconds(300))
        defer { Task { await client.shutdown() } }
        let error = await #expect(throws: PostgresError.self) { try await client.query("SELECT pg_sleep(5)") }
        #expect(error?.code == .queryCanceled, "\(String(describing: error))")
        let pid = try await client.query("SELECT pg_backend_pid()")[0].decode(Int32.self, at: 0)
        #expect(try await client.query("SELECT pg_backend_pid()")[0].decode(Int32.self, at: 0) == pid)
    }
}
