import Contracts
import Foundation
import Postgres
import ServiceKit

/// Programs as scheduling announces them: their titles per language, their sessions' times, and
/// their people (every volunteer expected at a session, and every registration that took a
/// seat), who are the audience of an announcement to the program.
struct ProgramStore: Sendable {
    /// What a notification about a registration says of its program, when it is known.
    struct Summary: Sendable {
        var titles: [String: String]
        var session: (startsAt: Date, endsAt: Date, virtual: Bool)?
    }

    func recordScheduled(_ events: [ProgramScheduled], on connection: PostgresConnection) async throws {
        guard !events.isEmpty else { return }
        try await connection.pipeline(
            """
            INSERT INTO programs (program_id, titles, time_zone, partnership_id)
            SELECT id, titles::jsonb, zone, NULLIF(partnership, '')::uuid
            FROM unnest(\(events.map(\.programId))::uuid[], \(try events.map { try DeliveryStore.json($0.titles) })::text[],
                        \(events.map(\.timeZone))::text[], \(events.map { $0.partnershipId ?? "" })::text[])
                 AS e(id, titles, zone, partnership)
            ON CONFLICT (program_id) DO UPDATE
                SET titles = excluded.titles, time_zone = excluded.time_zone, partnership_id = excluded.partnership_id
            """)
        let sessions = events.flatMap { event in event.sessions.map { (event.programId, $0) } }
        try await record(sessions.map { ($0.0, $0.1, 0) }, on: connection)
    }

    func recordRescheduled(_ events: [SessionRescheduled], on connection: PostgresConnection) async throws {
        try await record(events.map { ($0.programId, $0.session, $0.sequence) }, on: connection)
    }

    /// A registration that took a seat makes its volunteer one of the program's people.
    func recordRegistered(program: UUID, volunteer: UUID, on connection: PostgresConnection) async throws {
        try await connection.pipeline(
            """
            INSERT INTO program_participants (program_id, volunteer_id) VALUES (\(program), \(volunteer))
            ON CONFLICT DO NOTHING
            """)
    }

    /// The program's titles and, when `session` is given and known, its times.
    func summary(of program: UUID, session: UUID?, on connection: PostgresConnection) async throws -> Summary {
        let decoder = JSONDecoder()
        var summary = Summary(titles: [:], session: nil)
        if let row = try await connection.query("SELECT titles::text FROM programs WHERE program_id = \(program)").first {
            summary.titles = try decoder.decode([String: String].self, from: Data(try row.decode(String.self, at: 0).utf8))
        }
        if let session,
            let row = try await connection.query(
                "SELECT starts_at, ends_at, virtual FROM program_sessions WHERE session_id = \(session)"
            ).first
        {
            summary.session = (try row.decode(Date.self, at: 0), try row.decode(Date.self, at: 1), try row.decode(Bool.self, at: 2))
        }
        return summary
    }

    private func record(_ sessions: [(program: UUID, session: ScheduledSession, sequence: Int)], on connection: PostgresConnection)
        async throws
    {
        guard !sessions.isEmpty else { return }
        try await connection.pipeline(
            """
            INSERT INTO program_sessions AS s (session_id, program_id, starts_at, ends_at, virtual, sequence)
            SELECT * FROM unnest(\(sessions.map(\.session.sessionId))::uuid[], \(sessions.map(\.program))::uuid[],
                                 \(sessions.map(\.session.startsAt))::timestamptz[], \(sessions.map(\.session.endsAt))::timestamptz[],
                                 \(sessions.map(\.session.virtual))::bool[], \(sessions.map(\.sequence))::int[])
            ON CONFLICT (session_id) DO UPDATE
                SET starts_at = excluded.starts_at, ends_at = excluded.ends_at, virtual = excluded.virtual, sequence = excluded.sequence
                -- A move that arrives before the schedule it changes stays.
                WHERE s.sequence <= excluded.sequence
            """)
        let people = sessions.flatMap { entry in entry.session.participantVolunteerIds.map { (entry.program, $0) } }
        guard !people.isEmpty else { return }
        try await connection.pipeline(
            """
            INSERT INTO program_participants (program_id, volunteer_id)
            SELECT DISTINCT * FROM unnest(\(people.map(\.0))::uuid[], \(people.map(\.1))::text[]::uuid[])
            ON CONFLICT DO NOTHING
            """)
    }
}
