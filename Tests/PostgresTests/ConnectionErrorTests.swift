import Foundation
import Postgres
import TestSupport
import Testing

@Suite("Clear errors when a connection cannot be made")
struct ConnectionErrorTests {
    /// The test URL with one part replaced.
    static func url(replacing part: String, with replacement: String) throws -> String {
        try LocalStack.testDatabaseURL().replacingOccurrences(of: part, with: replacement)
    }

    @Test("a URL that is not a postgresql:// URL names the problem")
    func badURL() throws {
        let wrongScheme = #expect(throws: PostgresConfiguration.InvalidURL.self) {
            try PostgresConfiguration(url: "mysql://user@localhost/db")
        }
        #expect(wrongScheme?.description == "invalid PostgreSQL URL: expected the scheme postgresql://, got mysql://")
        let badPort = #expect(throws: PostgresConfiguration.InvalidURL.self) {
            try PostgresConfiguration(url: "postgresql://user@localhost:port/db")
        }
        #expect(badPort?.description.contains("port") == true)
        let badQuery = #expect(throws: PostgresConfiguration.InvalidURL.self) {
            try PostgresConfiguration(url: "postgresql://user@localhost/db?nonsense=1")
        }
        #expect(badQuery?.description.contains("nonsense") == true)
    }

    @Test("a wrong password says to check the user name and password, and does not show the password")
    func wrongPassword() async throws {
        let good = try LocalStack.testDatabaseURL()
        let password = try #require(URLComponents(string: good)?.password)
        let configuration = try PostgresConfiguration(url: good.replacingOccurrences(of: password, with: "not-the-password"))
        let error = await #expect(throws: PostgresError.self) {
            try await PostgresConnection.connect(configuration: configuration, logger: TestDatabase.logger)
        }
        #expect(error?.code == .invalidPassword)
        #expect(error?.description.contains("check the user name and password") == true)
        #expect(error?.description.contains("not-the-password") == false)
        #expect(error?.isRetryable == false)
    }

    @Test("a server that is down says so, with host and port, and is retryable")
    func serverDown() async throws {
        let port = try LocalStack.setting("P2G_STACK_PG_PORT")
        let configuration = try PostgresConfiguration(url: try Self.url(replacing: ":\(port)/", with: ":1/"))
        let error = await #expect(throws: PostgresError.self) {
            try await PostgresConnection.connect(configuration: configuration, logger: TestDatabase.logger)
        }
        #expect(error?.code == .unableToConnect)
        #expect(error?.description.contains("127.0.0.1:1") == true)
        #expect(error?.description.contains("is PostgreSQL running there") == true)
        #expect(error?.isRetryable == true)
    }

    @Test("an unknown database is named")
    func unknownDatabase() async throws {
        let configuration = try PostgresConfiguration(url: try LocalStack.testDatabaseURL(database: "p2g_no_such_db"))
        let error = await #expect(throws: PostgresError.self) {
            try await PostgresConnection.connect(configuration: configuration, logger: TestDatabase.logger)
        }
        #expect(error?.code == .invalidCatalogName)
        #expect(error?.description.contains("p2g_no_such_db") == true)
    }

    @Test("sslmode=require in the URL gives an encrypted session")
    func sslModeFromURL() async throws {
        let configuration = try PostgresConfiguration(
            url: try LocalStack.testDatabaseURL(database: "p2g_test", settings: ["sslmode": "require"]))
        let connection = try await PostgresConnection.connect(configuration: configuration, logger: TestDatabase.logger)
        let ssl = try await connection.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")[0].decode(Bool.self, at: 0)
        #expect(ssl)
        await connection.close()
    }
}
