import Logging

/// Applies a database's migrations in order, each once, each in its own transaction, recorded
/// with a SHA-256 checksum of its SQL.
///
/// A session-level advisory lock serialises migrators, so several instances of a service that
/// start at the same moment apply each migration exactly once: the first applies, the others
/// wait and then find nothing left to do.
public struct PostgresMigrator: Sendable {
    public let migrations: [PostgresMigration]
    /// The table that records applied migrations.
    public let historyTable: String
    let logger: Logger

    public init(migrations: [PostgresMigration], historyTable: String = "schema_migrations", logger: Logger) {
        self.migrations = migrations
        self.historyTable = historyTable
        self.logger = logger
    }

    /// Applies what is missing and returns the names applied by this call.
    @discardableResult
    public func migrate(on client: PostgresClient) async throws -> [String] {
        var seen: Set<String> = []
        for migration in migrations where !seen.insert(migration.name).inserted {
            throw PostgresMigrationError(reason: .duplicateName(migration.name))
        }
        return try await client.withConnection { connection in
            try await connection.query("SELECT pg_advisory_lock(hashtext(\(historyTable)))")
            do {
                let applied = try await applyPending(on: connection)
                try await connection.query("SELECT pg_advisory_unlock(hashtext(\(historyTable)))")
                return applied
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(hashtext(\(historyTable)))")
                throw error
            }
        }
    }

    private func applyPending(on connection: PostgresConnection) async throws -> [String] {
        try await connection.query(
            """
            CREATE TABLE IF NOT EXISTS \(identifier: historyTable) (
                name text PRIMARY KEY,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """)
        var recorded: [String: String] = [:]
        for row in try await connection.query("SELECT name, checksum FROM \(identifier: historyTable)") {
            let (name, checksum) = try row.decode((String, String).self)
            recorded[name] = checksum
        }
        var applied: [String] = []
        for migration in migrations {
            let checksum = try await connection.query(
                "SELECT encode(sha256(convert_to(\(migration.sql), 'UTF8')), 'hex')"
            )[0].decode(String.self, at: 0)
            if let recordedChecksum = recorded[migration.name] {
                guard recordedChecksum == checksum else {
                    throw PostgresMigrationError(
                        reason: .changedAfterApplying(
                            name: migration.name, appliedChecksum: recordedChecksum, currentChecksum: checksum))
                }
                continue
            }
            do {
                try await connection.withTransaction { connection in
                    try await connection.executeScript(unsafeSQL: migration.sql)
                    try await connection.query(
                        "INSERT INTO \(identifier: historyTable) (name, checksum) VALUES (\(migration.name), \(checksum))")
                }
            } catch let error as PostgresError where error.meansServerUnreachable {
                // Not the migration's failure: the caller may wait for the server and try again.
                throw error
            } catch let error as PostgresError {
                throw PostgresMigrationError(reason: .failed(name: migration.name, error: error.description))
            }
            logger.info("applied migration", metadata: ["migration": "\(migration.name)"])
            applied.append(migration.name)
        }
        return applied
    }
}
