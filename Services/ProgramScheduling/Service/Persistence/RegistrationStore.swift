import Contracts
import Foundation
import Postgres
import ServiceKit
import UUIDText

/// Registrations for a program or one of its sessions, and their waitlists. Seats are counted
/// on the program's row (whole-program registrations) or the session's, locked while a
/// registration is decided, so that concurrent registrations never exceed the capacity.
struct RegistrationStore: Sendable {
    let postgres: PostgresClient
    let outbox: Outbox

    /// A registration as the API shows it. A named participant's name is shown to
    /// coordinators only (see ``RegistrationRoutes``).
    struct RegistrationView: Codable, Sendable {
        @LowercasedUUID var id: UUID
        @LowercasedUUID var programId: UUID
        /// Lower-case UUIDs, as the contract writes them.
        var sessionId: String?
        var volunteerId: String?
        var participantName: String?
        /// `confirmed`, `waitlisted` or `cancelled`.
        var status: String
        /// For a waitlisted registration, its place in line now (1 is next).
        var position: Int?
        var createdAt: Date
    }

    enum RegisterOutcome: Sendable {
        case registered(RegistrationView, created: Bool)
        case programNotFound
        case sessionNotFound
        case sessionCancelled
        case alreadyRegistered(RegistrationView)
    }

    func register(
        programID: UUID, sessionID: UUID?, volunteerID: UUID?, participantName: String?, idempotencyKey: String?, now: Date
    ) async throws -> RegisterOutcome {
        if let idempotencyKey, let existing = try await find(idempotencyKey: idempotencyKey, programID: programID) {
            return .registered(existing, created: false)
        }
        do {
            return try await postgres.withTransaction { connection in
                // The counter's row, locked until the commit: registrations for the same seats
                // are decided one after the other.
                let counter: PostgresRow
                if let sessionID {
                    guard
                        let row = try await connection.query(
                            """
                            SELECT capacity, confirmed, waitlisted, status FROM sessions
                            WHERE id = \(sessionID) AND program_id = \(programID) FOR UPDATE
                            """
                        ).first
                    else {
                        let program = try await connection.query("SELECT 1 FROM programs WHERE id = \(programID)")
                        return program.isEmpty ? .programNotFound : .sessionNotFound
                    }
                    guard try row.decode(String.self, "status") == "confirmed" else { return .sessionCancelled }
                    counter = row
                } else {
                    guard
                        let row = try await connection.query(
                            "SELECT capacity, confirmed, waitlisted FROM programs WHERE id = \(programID) FOR UPDATE"
                        ).first
                    else { return .programNotFound }
                    counter = row
                }
                let capacity = try counter.decode(Int?.self, "capacity")
                let confirmed = try counter.decode(Int.self, "confirmed")
                let waitlisted = try counter.decode(Int.self, "waitlisted")
                if let volunteerID,
                    let existing = try await connection.query(
                        """
                        SELECT \(unsafeSQL: Self.columns) FROM registrations
                        WHERE volunteer_id = \(volunteerID) AND program_id = \(programID) AND session_id IS NOT DISTINCT FROM \(sessionID)
                          AND status <> 'cancelled'
                        """
                    ).first
                {
                    return .alreadyRegistered(try await Self.view(existing, on: connection))
                }
                let id = UUID.timeOrdered()
                let seat = capacity.map { confirmed < $0 } ?? true
                guard
                    let row = try await connection.query(
                        """
                        INSERT INTO registrations (id, program_id, session_id, volunteer_id, participant_name, status, idempotency_key, created_at)
                        VALUES (\(id), \(programID), \(sessionID), \(volunteerID), \(participantName), \(seat ? "confirmed" : "waitlisted"),
                                \(idempotencyKey), \(now))
                        RETURNING \(unsafeSQL: Self.columns)
                        """
                    ).first
                else { throw MissingRecord(description: "registration \(id.lowercasedText)") }
                let column = seat ? "confirmed" : "waitlisted"
                if let sessionID {
                    try await connection.pipeline(
                        "UPDATE sessions SET \(unsafeSQL: column) = \(unsafeSQL: column) + 1 WHERE id = \(sessionID)")
                } else {
                    try await connection.pipeline(
                        "UPDATE programs SET \(unsafeSQL: column) = \(unsafeSQL: column) + 1 WHERE id = \(programID)")
                }
                let correlation = programID.lowercasedText
                // Everyone waitlisted before is still ahead: the line only shortens from its front.
                let position = seat ? nil : waitlisted + 1
                if seat {
                    try await outbox.enqueue(
                        RegistrationConfirmed(
                            registrationId: id, programId: programID, sessionId: sessionID, volunteerId: volunteerID, confirmedAt: now),
                        on: connection, correlationID: correlation)
                } else {
                    try await outbox.enqueue(
                        RegistrationWaitlisted(
                            registrationId: id, programId: programID, sessionId: sessionID, volunteerId: volunteerID,
                            position: position ?? 1, waitlistedAt: now), on: connection, correlationID: correlation)
                }
                return .registered(try Self.plainView(row, position: position), created: true)
            }
        } catch let error as PostgresError where error.code == .uniqueViolation && idempotencyKey != nil {
            if let idempotencyKey, let existing = try await find(idempotencyKey: idempotencyKey, programID: programID) {
                return .registered(existing, created: false)
            }
            throw error
        }
    }

    enum CancelOutcome: Sendable {
        /// The cancelled registration, and the one promoted to its seat, if any.
        case cancelled(RegistrationView, promoted: RegistrationView?)
        case notFound
    }

    /// Cancels a registration; a confirmed one's seat goes to the first in line.
    func cancel(programID: UUID, registrationID: UUID, now: Date) async throws -> CancelOutcome {
        try await postgres.withTransaction { connection in
            guard
                let found = try await connection.query(
                    "SELECT session_id FROM registrations WHERE id = \(registrationID) AND program_id = \(programID)"
                ).first
            else { return .notFound }
            let sessionID = try found.decode(UUID?.self, "session_id")
            // The counter's row first, as registering takes it, so that the two never deadlock.
            if let sessionID {
                try await connection.query("SELECT 1 FROM sessions WHERE id = \(sessionID) FOR UPDATE")
            } else {
                try await connection.query("SELECT 1 FROM programs WHERE id = \(programID) FOR UPDATE")
            }
            guard let row = try await connection.query("SELECT status FROM registrations WHERE id = \(registrationID) FOR UPDATE").first
            else {
                return .notFound
            }
            let status = try row.decode(String.self, "status")
            var promoted: RegistrationView?
            func change(_ column: String, by delta: Int) async throws {
                if let sessionID {
                    try await connection.query(
                        "UPDATE sessions SET \(unsafeSQL: column) = \(unsafeSQL: column) + \(delta) WHERE id = \(sessionID)")
                } else {
                    try await connection.query(
                        "UPDATE programs SET \(unsafeSQL: column) = \(unsafeSQL: column) + \(delta) WHERE id = \(programID)")
                }
            }
            if status != "cancelled" {
                try await connection.query("UPDATE registrations SET status = 'cancelled' WHERE id = \(registrationID)")
            }
            if status == "waitlisted" { try await change("waitlisted", by: -1) }
            if status == "confirmed" {
                let first: PostgresRows
                if let sessionID {
                    first = try await connection.query(
                        "SELECT id FROM registrations WHERE session_id = \(sessionID) AND status = 'waitlisted' ORDER BY line LIMIT 1")
                } else {
                    first = try await connection.query(
                        """
                        SELECT id FROM registrations WHERE program_id = \(programID) AND session_id IS NULL AND status = 'waitlisted'
                        ORDER BY line LIMIT 1
                        """)
                }
                if let next = first.first,
                    let updated = try await connection.query(
                        "UPDATE registrations SET status = 'confirmed' WHERE id = \(try next.decode(UUID.self, "id")) RETURNING \(unsafeSQL: Self.columns)"
                    ).first
                {
                    let view = try Self.plainView(updated, position: nil)
                    promoted = view
                    try await change("waitlisted", by: -1)
                    try await outbox.enqueue(
                        RegistrationPromoted(
                            registrationId: view.id, programId: programID, sessionId: sessionID,
                            volunteerId: view.volunteerId.flatMap(UUID.init(uuidString:)), promotedAt: now),
                        on: connection, correlationID: programID.lowercasedText)
                } else {
                    try await change("confirmed", by: -1)
                }
            }
            guard
                let cancelled = try await connection.query(
                    "SELECT \(unsafeSQL: Self.columns) FROM registrations WHERE id = \(registrationID)"
                ).first
            else { return .notFound }
            return .cancelled(try Self.plainView(cancelled, position: nil), promoted: promoted)
        }
    }

    static let columns = "id, program_id, session_id, volunteer_id, participant_name, status, line, created_at"

    func find(idempotencyKey: String, programID: UUID) async throws -> RegistrationView? {
        try await postgres.withConnection { connection in
            guard
                let row = try await connection.query(
                    "SELECT \(unsafeSQL: Self.columns) FROM registrations WHERE idempotency_key = \(idempotencyKey) AND program_id = \(programID)"
                ).first
            else { return nil }
            return try await Self.view(row, on: connection)
        }
    }

    func find(programID: UUID, registrationID: UUID) async throws -> RegistrationView? {
        try await postgres.withConnection { connection in
            guard
                let row = try await connection.query(
                    "SELECT \(unsafeSQL: Self.columns) FROM registrations WHERE id = \(registrationID) AND program_id = \(programID)"
                ).first
            else { return nil }
            return try await Self.view(row, on: connection)
        }
    }

    /// A page of a program's registrations in the order they came (the waitlist's order), those
    /// of one volunteer only when given.
    func list(programID: UUID, limit: Int, after: UUID?, volunteer: UUID?) async throws -> [RegistrationView] {
        try await postgres.withConnection { connection in
            let afterLine: Int? =
                if let after {
                    try await connection.query("SELECT line FROM registrations WHERE id = \(after)").first?.decode(Int.self, "line")
                } else { nil }
            let rows = try await connection.query(
                """
                SELECT r.id, r.program_id, r.session_id, r.volunteer_id, r.participant_name, r.status, r.line, r.created_at,
                       CASE WHEN r.status = 'waitlisted' THEN row_number() OVER (PARTITION BY r.session_id, r.status ORDER BY r.line) END AS position
                FROM registrations r WHERE r.program_id = \(programID)
                ORDER BY r.line
                """)
            return try rows.compactMap { row -> RegistrationView? in
                let line = try row.decode(Int.self, "line")
                if let afterLine, line <= afterLine { return nil }
                let view = try Self.plainView(row, position: try row.decode(Int?.self, "position"))
                if let volunteer, view.volunteerId != volunteer.lowercasedText { return nil }
                return view
            }.prefix(limit).map { $0 }
        }
    }

    static func plainView(_ row: PostgresRow, position: Int?) throws -> RegistrationView {
        RegistrationView(
            id: try row.decode(UUID.self, "id"), programId: try row.decode(UUID.self, "program_id"),
            sessionId: try row.decode(UUID?.self, "session_id")?.lowercasedText,
            volunteerId: try row.decode(UUID?.self, "volunteer_id")?.lowercasedText,
            participantName: try row.decode(String?.self, "participant_name"),
            status: try row.decode(String.self, "status"), position: position, createdAt: try row.decode(Date.self, "created_at"))
    }

    /// The view, with a waitlisted registration's place in line now.
    static func view(_ row: PostgresRow, on connection: PostgresConnection) async throws -> RegistrationView {
        let status = try row.decode(String.self, "status")
        var position: Int?
        if status == "waitlisted" {
            let line = try row.decode(Int.self, "line")
            if let session = try row.decode(UUID?.self, "session_id") {
                position = try await connection.query(
                    "SELECT count(*) FROM registrations WHERE session_id = \(session) AND status = 'waitlisted' AND line <= \(line)"
                )[0].decode(Int.self, at: 0)
            } else {
                position = try await connection.query(
                    """
                    SELECT count(*) FROM registrations
                    WHERE program_id = \(try row.decode(UUID.self, "program_id")) AND session_id IS NULL AND status = 'waitlisted' AND line <= \(line)
                    """
                )[0].decode(Int.self, at: 0)
            }
        }
        return try plainView(row, position: position)
    }
}
