import Contracts
import Foundation
import Postgres
import ServiceKit
import UUIDText

/// A row that was just written and cannot be read back: a bug, never the caller's fault.
struct MissingRecord: Error, CustomStringConvertible {
    var description: String
}

/// Programs and their placed sessions: placed by the engine when created, moved when a change
/// touches them, each change announced through the outbox in the same transaction.
struct ProgramStore: Sendable {
    let postgres: PostgresClient
    let outbox: Outbox
    let participants: ParticipantStore
    let venues: VenueStore

    /// A program as the API shows it.
    struct ProgramView: Codable, Sendable {
        @LowercasedUUID var id: UUID
        var kind: String
        /// Lower-case UUIDs, as the contract writes them.
        var partnershipId: String?
        var teamId: String?
        var titles: [String: String]
        var timeZone: String
        var format: String
        var capacity: Int?
        /// The soft weights the program set, as it set them.
        var softWeights: ProgramRequest.SoftWeightsRequest?
        var confirmed: Int
        var sessions: [SessionView]
    }

    /// A placed session as the API shows it.
    struct SessionView: Codable, Sendable {
        @LowercasedUUID var id: UUID
        var key: String
        var occurrence: Int
        var titles: [String: String]?
        var startsAt: Date
        var endsAt: Date
        var virtual: Bool
        /// Lower-case UUIDs, as the contract writes them.
        var venueId: String?
        var timeZone: String
        var participants: [String]
        var sequence: Int
        var status: String
        var capacity: Int?
        var confirmed: Int

        var venueUUID: UUID? { venueId.flatMap(UUID.init(uuidString:)) }
        var participantUUIDs: [UUID] { participants.compactMap(UUID.init(uuidString:)) }

        var scheduled: ScheduledSession {
            ScheduledSession(
                sessionId: id, occurrence: occurrence, titles: titles, startsAt: startsAt, endsAt: endsAt, virtual: virtual,
                venueId: venueUUID, timeZone: timeZone, participantVolunteerIds: participantUUIDs)
        }
    }

    /// What creating a program came to.
    enum CreateOutcome: Sendable {
        case created(ProgramView)
        /// The idempotency key (or the joint team) was used before: what it created.
        case existing(ProgramView)
        case unknownParticipants([UUID])
        case unknownVenues([UUID])
        case unplaceable([String])
        case invalid(String)
        /// The deadline has passed.
        case past
    }

    /// One writer places at a time, so that two programs placed together cannot take the same
    /// person or room at once.
    static let placementLock: Int64 = 0x5343_4845_4455_4C45

    /// Places and stores a program with its `scheduling.program-scheduled.v1` event.
    func create(
        _ program: ValidProgram, idempotencyKey: String?, now: Date, teamId: UUID? = nil,
        fallback: [UUID: (timeZone: String, communityId: UUID?)] = [:], cause: HandlingContext? = nil,
        on given: PostgresConnection? = nil
    ) async throws -> CreateOutcome {
        if let idempotencyKey, let existing = try await find(idempotencyKey: idempotencyKey) { return .existing(existing) }
        guard program.deadline > now else { return .past }
        let work: (PostgresConnection) async throws -> CreateOutcome = { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.placementLock))")
            if let teamId, let existing = try await connection.query("SELECT id FROM programs WHERE team_id = \(teamId)").first {
                let id = try existing.decode(UUID.self, "id")
                guard let view = try await find(id: id, on: connection) else {
                    throw MissingRecord(description: "program \(id.lowercasedText)")
                }
                return .existing(view)
            }
            let (people, unknownPeople) = try await participants.planningParticipants(
                program.participants, fallback: fallback, excludingProgram: nil, on: connection)
            if !unknownPeople.isEmpty { return .unknownParticipants(unknownPeople) }
            let allVenues = Array(Set(program.venues))
            let (rooms, unknownRooms) = try await venues.planningVenues(allVenues, excludingProgram: nil, on: connection)
            if !unknownRooms.isEmpty { return .unknownVenues(unknownRooms) }
            let id = UUID.timeOrdered()
            switch ProgramPlanner.place(program, id: id, participants: people, venues: rooms, now: now) {
            case .invalid(let reason): return .invalid(reason)
            case .unplaceable(let reasons): return .unplaceable(reasons)
            case .placed(let placed):
                let zone = people[program.organiser]?.place.timeZoneIdentifier ?? "UTC"
                let capacity =
                    program.request.capacity ?? (program.isVirtual ? nil : program.venues.compactMap { rooms[$0]?.capacity }.min())
                try await connection.query(
                    """
                    INSERT INTO programs (id, kind, partnership_id, team_id, titles, time_zone, request, capacity, idempotency_key)
                    VALUES (\(id), \(program.request.kind), \(program.request.partnershipId), \(teamId), \(PostgresJSON(program.request.titles)),
                            \(zone), \(PostgresJSON(program.request)), \(capacity), \(idempotencyKey))
                    """)
                let titles = Dictionary(uniqueKeysWithValues: program.request.sessions.map { ($0.key, $0.titles) })
                for session in placed {
                    let sessionZone = session.venue.flatMap { rooms[$0]?.place.timeZoneIdentifier } ?? zone
                    let sessionCapacity = session.venue.flatMap { rooms[$0]?.capacity } ?? capacity
                    try await connection.query(
                        """
                        INSERT INTO sessions (id, program_id, occurrence, plan_key, titles, starts_at, ends_at, venue_id, time_zone, attendees, capacity)
                        VALUES (\(UUID.timeOrdered()), \(id), \(session.occurrence), \(session.key), \(titles[session.key].flatMap { $0 }.map(PostgresJSON.init)),
                                \(session.start), \(session.end), \(session.venue), \(sessionZone), \(session.attendees)::uuid[], \(sessionCapacity))
                        """)
                }
                guard let view = try await find(id: id, on: connection) else {
                    throw MissingRecord(description: "program \(id.lowercasedText)")
                }
                let event = ProgramScheduled(
                    programId: id, kind: view.kind, partnershipId: view.partnershipId.flatMap(UUID.init(uuidString:)),
                    teamId: view.teamId.flatMap(UUID.init(uuidString:)), titles: view.titles,
                    timeZone: view.timeZone, sessions: view.sessions.map(\.scheduled), scheduledAt: now)
                try await outbox.enqueue(event, on: connection, causedBy: cause, correlationID: cause == nil ? id.lowercasedText : nil)
                return .created(view)
            }
        }
        do {
            if let given { return try await work(given) }
            return try await postgres.withTransaction(work)
        } catch let error as PostgresError where error.code == .uniqueViolation && idempotencyKey != nil {
            if let idempotencyKey, let existing = try await find(idempotencyKey: idempotencyKey) { return .existing(existing) }
            throw error
        }
    }

    static let programColumns = "id, kind, partnership_id, team_id, titles, time_zone, request, capacity, confirmed"

    func find(id: UUID, on connection: PostgresConnection? = nil) async throws -> ProgramView? {
        if let connection { return try await Self.load(id: id, on: connection) }
        return try await postgres.withConnection { try await Self.load(id: id, on: $0) }
    }

    func find(idempotencyKey: String) async throws -> ProgramView? {
        try await postgres.withConnection { connection in
            guard let row = try await connection.query("SELECT id FROM programs WHERE idempotency_key = \(idempotencyKey)").first else {
                return nil
            }
            return try await Self.load(id: try row.decode(UUID.self, "id"), on: connection)
        }
    }

    private static func load(id: UUID, on connection: PostgresConnection) async throws -> ProgramView? {
        guard let row = try await connection.query("SELECT \(unsafeSQL: programColumns) FROM programs WHERE id = \(id)").first else {
            return nil
        }
        let request = try row.decode(PostgresJSON<ProgramRequest>.self, "request").value
        let sessions = try await connection.query(
            """
            SELECT \(unsafeSQL: sessionColumns) FROM sessions WHERE program_id = \(id) ORDER BY starts_at, occurrence, plan_key
            """
        ).map(sessionView)
        return ProgramView(
            id: id, kind: try row.decode(String.self, "kind"), partnershipId: try row.decode(UUID?.self, "partnership_id")?.lowercasedText,
            teamId: try row.decode(UUID?.self, "team_id")?.lowercasedText,
            titles: try row.decode(PostgresJSON<[String: String]>.self, "titles").value,
            timeZone: try row.decode(String.self, "time_zone"),
            format: (request.venueIds ?? []).isEmpty && request.format != "in-person" ? "virtual" : "in-person",
            capacity: try row.decode(Int?.self, "capacity"), softWeights: request.softWeights,
            confirmed: try row.decode(Int.self, "confirmed"),
            sessions: sessions)
    }

    static let sessionColumns =
        "id, program_id, occurrence, plan_key, titles, starts_at, ends_at, venue_id, time_zone, attendees, sequence, status, capacity, confirmed"

    static func sessionView(_ row: PostgresRow) throws -> SessionView {
        let venue = try row.decode(UUID?.self, "venue_id")
        return SessionView(
            id: try row.decode(UUID.self, "id"), key: try row.decode(String.self, "plan_key"),
            occurrence: try row.decode(Int.self, "occurrence"),
            titles: try row.decode(PostgresJSON<[String: String]>?.self, "titles")?.value, startsAt: try row.decode(Date.self, "starts_at"),
            endsAt: try row.decode(Date.self, "ends_at"), virtual: venue == nil, venueId: venue?.lowercasedText,
            timeZone: try row.decode(String.self, "time_zone"),
            participants: try row.decode([UUID].self, "attendees").map(\.lowercasedText), sequence: try row.decode(Int.self, "sequence"),
            status: try row.decode(String.self, "status"), capacity: try row.decode(Int?.self, "capacity"),
            confirmed: try row.decode(Int.self, "confirmed"))
    }

    /// A page of programs in creation order (ids are time-ordered), those of `partnerships`
    /// only when given.
    func list(limit: Int, after: UUID?, partnerships: [UUID]?) async throws -> [ProgramView] {
        try await postgres.withConnection { connection in
            let rows = try await connection.query(
                """
                SELECT id FROM programs WHERE (\(after)::uuid IS NULL OR id > \(after))
                  AND (\(partnerships)::uuid[] IS NULL OR partnership_id = ANY(\(partnerships)::uuid[]))
                ORDER BY id LIMIT \(limit)
                """)
            var views: [ProgramView] = []
            for row in rows {
                if let view = try await Self.load(id: try row.decode(UUID.self, "id"), on: connection) { views.append(view) }
            }
            return views
        }
    }

    /// Moves the future sessions that a participant's unavailability or a venue's closure now
    /// rules out, as few as possible: each program's other sessions stay where they are. A
    /// session that fits nowhere is cancelled. Each move raises the session's SEQUENCE and
    /// publishes `scheduling.session-rescheduled.v1`.
    func rescheduleConflicts(reason: String, now: Date, on connection: PostgresConnection) async throws {
        try await connection.query("SELECT pg_advisory_xact_lock(\(Self.placementLock))")
        let conflicting = try await connection.query(
            """
            SELECT DISTINCT s.id, s.program_id FROM sessions s
            WHERE s.status = 'confirmed' AND s.starts_at > \(now) AND (
                EXISTS (SELECT 1 FROM participant_unavailability u
                        WHERE u.volunteer_id = ANY(s.attendees) AND u.starts_at < s.ends_at AND u.ends_at > s.starts_at)
                OR EXISTS (SELECT 1 FROM venues v, jsonb_array_elements(v.closed) c
                           WHERE v.id = s.venue_id AND (c->>'start')::timestamptz < s.ends_at AND (c->>'end')::timestamptz > s.starts_at))
            """)
        var byProgram: [UUID: Set<UUID>] = [:]
        for row in conflicting { byProgram[try row.decode(UUID.self, "program_id"), default: []].insert(try row.decode(UUID.self, "id")) }
        for (programID, moving) in byProgram.sorted(by: { $0.key < $1.key }) {
            guard let view = try await Self.load(id: programID, on: connection),
                let requestRow = try await connection.query("SELECT request FROM programs WHERE id = \(programID)").first,
                case .success(let program) = try requestRow.decode(PostgresJSON<ProgramRequest>.self, "request").value.validated()
            else { continue }
            let kept = view.sessions.filter { !moving.contains($0.id) && $0.status == "confirmed" }.map {
                PlannedSession(
                    occurrence: $0.occurrence, key: $0.key, start: $0.startsAt, end: $0.endsAt, venue: $0.venueUUID,
                    attendees: $0.participantUUIDs)
            }
            let (people, _) = try await participants.planningParticipants(program.participants, excludingProgram: programID, on: connection)
            let (rooms, _) = try await venues.planningVenues(program.venues, excludingProgram: programID, on: connection)
            var placed: [PlannedSession] = []
            if case .placed(let sessions) = ProgramPlanner.place(
                program, id: programID, participants: people, venues: rooms, now: now, keeping: kept)
            {
                placed = sessions
            }
            for session in view.sessions where moving.contains(session.id) {
                if let new = placed.first(where: { $0.occurrence == session.occurrence && $0.key == session.key }) {
                    let zone = new.venue.flatMap { rooms[$0]?.place.timeZoneIdentifier } ?? view.timeZone
                    try await connection.query(
                        """
                        UPDATE sessions SET starts_at = \(new.start), ends_at = \(new.end), venue_id = \(new.venue), time_zone = \(zone),
                            attendees = \(new.attendees)::uuid[], sequence = sequence + 1
                        WHERE id = \(session.id)
                        """)
                } else {
                    try await connection.query("UPDATE sessions SET status = 'cancelled', sequence = sequence + 1 WHERE id = \(session.id)")
                }
                guard
                    let row = try await connection.query("SELECT \(unsafeSQL: Self.sessionColumns) FROM sessions WHERE id = \(session.id)")
                        .first
                else { continue }
                let moved = try Self.sessionView(row)
                let event = SessionRescheduled(
                    programId: programID, titles: view.titles, session: moved.scheduled, previousStartsAt: session.startsAt,
                    previousEndsAt: session.endsAt, sequence: moved.sequence,
                    reason: moved.status == "cancelled" ? "\(reason); cancelled: no time fits" : reason,
                    rescheduledAt: now)
                try await outbox.enqueue(event, on: connection, correlationID: programID.lowercasedText)
            }
        }
    }

    /// Sessions for a calendar: a participant's, a community's members', or a program's.
    enum CalendarScope: Sendable {
        case participant(UUID)
        case community(UUID)
        case program(UUID)
    }

    func calendarSessions(_ scope: CalendarScope) async throws -> [(program: ProgramView, session: SessionView)] {
        try await postgres.withConnection { connection in
            let rows: PostgresRows
            switch scope {
            case .participant(let id):
                rows = try await connection.query(
                    """
                    SELECT DISTINCT s.program_id FROM sessions s WHERE \(id) = ANY(s.attendees)
                    UNION SELECT r.program_id FROM registrations r WHERE r.volunteer_id = \(id) AND r.status = 'confirmed'
                    """)
            case .community(let id):
                rows = try await connection.query(
                    """
                    SELECT DISTINCT s.program_id FROM sessions s JOIN participants p ON p.volunteer_id = ANY(s.attendees)
                    WHERE p.home_community_id = \(id)
                    """)
            case .program(let id):
                rows = try await connection.query("SELECT id AS program_id FROM programs WHERE id = \(id)")
            }
            var result: [(ProgramView, SessionView)] = []
            var registered: Set<UUID> = []
            var registeredPrograms: Set<UUID> = []
            var members: Set<String> = []
            if case .community(let id) = scope {
                members = Set(
                    try await connection.query("SELECT volunteer_id FROM participants WHERE home_community_id = \(id)").map {
                        try $0.decode(UUID.self, "volunteer_id").lowercasedText
                    })
            }
            if case .participant(let id) = scope {
                for row in try await connection.query(
                    "SELECT program_id, session_id FROM registrations WHERE volunteer_id = \(id) AND status = 'confirmed'")
                {
                    if let session = try row.decode(UUID?.self, "session_id") {
                        registered.insert(session)
                    } else {
                        registeredPrograms.insert(try row.decode(UUID.self, "program_id"))
                    }
                }
            }
            for row in rows {
                guard let program = try await Self.load(id: try row.decode(UUID.self, "program_id"), on: connection) else { continue }
                for session in program.sessions {
                    switch scope {
                    case .participant(let id):
                        guard
                            session.participants.contains(id.lowercasedText) || registered.contains(session.id)
                                || registeredPrograms.contains(program.id)
                        else { continue }
                    case .community:
                        guard !members.isDisjoint(with: session.participants) else { continue }
                    case .program: break
                    }
                    result.append((program, session))
                }
            }
            return result.sorted { $0.1.startsAt < $1.1.startsAt }
        }
    }
}
