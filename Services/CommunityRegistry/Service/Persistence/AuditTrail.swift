import Foundation
import Postgres
import ServiceKit
import UUIDText

/// The append-only record of every change to personal data: who (the token's subject and role),
/// what (the action, the volunteer, and the names of the fields, never their values), when. An
/// operator reads it without seeing the data itself; the database refuses to change or delete
/// a row of it.
struct AuditTrail: Sendable {
    let postgres: PostgresClient

    /// One entry as `GET /audit` shows it.
    struct Entry: Encodable, Sendable {
        var id: Int64
        var occurredAt: Date
        var subject: String
        var role: String
        var action: String
        /// Lower-case, as every id on the wire.
        var volunteerId: String
        var fields: [String]
    }

    /// Records `action` on `volunteer` in the transaction that makes the change.
    static func record(_ action: String, volunteer: UUID, fields: [String], on connection: PostgresConnection) async throws {
        let caller = Caller.current
        try await connection.pipeline(
            """
            INSERT INTO audit_trail (subject, role, action, volunteer_id, fields)
            VALUES (\(caller?.subject ?? "system"), \(caller?.role.rawValue ?? "system"), \(action), \(volunteer), \(fields))
            """)
    }

    /// The entries after `after` (an entry's id), oldest first, at most `limit`.
    func entries(after: Int64?, limit: Int) async throws -> [Entry] {
        try await postgres.query(
            """
            SELECT id, occurred_at, subject, role, action, volunteer_id, fields FROM audit_trail
            WHERE id > \(after ?? 0) ORDER BY id LIMIT \(limit)
            """
        ).map { row in
            Entry(
                id: try row.decode(Int64.self, at: 0), occurredAt: try row.decode(Date.self, at: 1),
                subject: try row.decode(String.self, at: 2),
                role: try row.decode(String.self, at: 3), action: try row.decode(String.self, at: 4),
                volunteerId: try row.decode(UUID.self, at: 5).lowercasedText, fields: try row.decode([String].self, at: 6))
        }
    }
}
