import Foundation
import Logging
import Postgres
import TestSupport

/// The test database of the local stack, and scratch tables that clean up after themselves.
enum TestDatabase {
    static let logger = Logger(label: "postgres-tests")

    static func configuration(maximumConnections: Int = 4, applicationName: String = "p2g-tests") throws -> PostgresConfiguration {
        try PostgresConfiguration(
            url: LocalStack.testDatabaseURL(), maximumConnections: maximumConnections, applicationName: applicationName)
    }

    /// A pool on the test database, shut down after `body`.
    static func withClient<Result>(
        maximumConnections: Int = 4, applicationName: String = "p2g-tests",
        _ body: (PostgresClient) async throws -> Result
    ) async throws -> Result {
        let client = PostgresClient(
            configuration: try configuration(maximumConnections: maximumConnections, applicationName: applicationName),
            logger: logger)
        do {
            let result = try await body(client)
            await client.shutdown()
            return result
        } catch {
            await client.shutdown()
            throw error
        }
    }

    /// A table name no other test uses.
    static func uniqueName(_ prefix: String) -> String {
        "\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
    }
}
