import Contracts
import Foundation
import Postgres
import ServiceKit
import UUIDText

/// Volunteers in the registry's database. Their contact channels are stored as the contract's
/// JSON, and neither they nor the names ever go into a log line or an error's description.
struct VolunteerStore: Sendable {
    let postgres: PostgresClient
    let outbox: Outbox
    let partnerships: PartnershipStore

    /// What an update came to.
    enum UpdateOutcome: Sendable {
        case updated(Volunteer, changed: [String])
        case notFound
        case erased
        case stale(current: Volunteer)
        case invalid(InvalidInput)
    }

    /// The volunteer's home community, if the registry knows it.
    func community(_ id: UUID?) async throws -> CommunitySummary? {
        guard let id else { return nil }
        return try await partnerships.communities([id])[id]
    }

    /// The fields that hold personal data, as the audit trail names them.
    static let personalFields = ["name", "names", "languages", "timeZone", "contactChannels"]

    /// Stores the volunteer and `registry.volunteer-registered.v1` in one transaction; with an
    /// idempotency key used before, returns whom that key registered instead.
    func register(_ valid: ValidVolunteer, idempotencyKey: String?) async throws -> (volunteer: Volunteer, created: Bool) {
        if let idempotencyKey, let existing = try await find(idempotencyKey: idempotencyKey) { return (existing, false) }
        let volunteer = Volunteer(valid, id: UUID.timeOrdered(), registeredAt: PartnershipStore.now())
        do {
            try await postgres.withTransaction { connection in
                try await connection.pipeline(
                    """
                    INSERT INTO volunteers (id, name, names, home_community_id, side, languages, time_zone, roles, contact_channels,
                                            idempotency_key, registered_at)
                    VALUES (\(volunteer.id), \(volunteer.name), \(PostgresJSON(volunteer.names)), \(volunteer.homeCommunityId),
                            \(volunteer.side.rawValue), \(volunteer.languages), \(volunteer.timeZone), \(volunteer.roles),
                            \(try Self.json(volunteer.contactChannels))::jsonb, \(idempotencyKey), \(volunteer.registeredAt))
                    """)
                try await outbox.enqueue(volunteer.registeredEvent, on: connection, correlationID: volunteer.id.lowercasedText)
                try await AuditTrail.record("volunteer-registered", volunteer: volunteer.id, fields: Self.personalFields, on: connection)
            }
        } catch let error as PostgresError where error.code == .uniqueViolation && idempotencyKey != nil {
            if let idempotencyKey, let existing = try await find(idempotencyKey: idempotencyKey) { return (existing, false) }
            throw error
        }
        return (volunteer, true)
    }

    /// Applies `change` if the volunteer's version is one of `expectedVersions` (nil: any), with
    /// `registry.volunteer-updated.v1`, under the row's lock.
    func update(id: UUID, expectedVersions: Set<Int>?, change: VolunteerChange) async throws -> UpdateOutcome {
        try await postgres.withTransaction { connection in
            guard
                let current = try await connection.query("SELECT \(unsafeSQL: Self.columns) FROM volunteers WHERE id = \(id) FOR UPDATE")
                    .first.map(Self.volunteer)
            else { return .notFound }
            if current.erasedAt != nil { return .erased }
            if let expectedVersions, !expectedVersions.contains(current.version) { return .stale(current: current) }
            switch change.applied(to: current) {
            case .failure(let invalid): return .invalid(invalid)
            case .success(let (changed, fields)) where fields.isEmpty: return .updated(changed, changed: [])
            case .success(let (changed, fields)):
                var next = changed
                next.version = current.version + 1
                let now = PartnershipStore.now()
                try await connection.pipeline(
                    """
                    UPDATE volunteers
                    SET name = \(next.name), names = \(PostgresJSON(next.names)), languages = \(next.languages), time_zone = \(next.timeZone),
                        roles = \(next.roles), contact_channels = \(try Self.json(next.contactChannels))::jsonb, version = \(next.version),
                        updated_at = \(now)
                    WHERE id = \(id)
                    """)
                try await outbox.enqueue(next.updatedEvent(changed: fields, at: now), on: connection, correlationID: id.lowercasedText)
                try await AuditTrail.record("volunteer-updated", volunteer: id, fields: fields, on: connection)
                return .updated(next, changed: fields)
            }
        }
    }

    /// Erases the volunteer's personal data, keeps the rest for history, and announces it with
    /// `registry.volunteer-erased.v1`, once. The outbox's copies of their earlier events that
    /// are already published go too; the relay publishes the others (so that no consumer
    /// misses the registration it must then erase), and removes them after the retention.
    /// Nil when there is no such volunteer; false when they were erased before.
    func erase(id: UUID) async throws -> Bool? {
        try await postgres.withTransaction { connection in
            guard
                let current = try await connection.query("SELECT \(unsafeSQL: Self.columns) FROM volunteers WHERE id = \(id) FOR UPDATE")
                    .first.map(Self.volunteer)
            else { return nil }
            guard current.erasedAt == nil else { return false }
            let now = PartnershipStore.now()
            try await connection.pipeline(
                """
                UPDATE volunteers
                SET name = NULL, names = '{}'::jsonb, languages = '{}', time_zone = NULL, contact_channels = '[]'::jsonb,
                    version = version + 1, updated_at = \(now), erased_at = \(now)
                WHERE id = \(id)
                """)
            try await connection.pipeline(
                """
                DELETE FROM outbox
                WHERE sent_at IS NOT NULL AND correlation_id = \(id.lowercasedText)
                  AND message_type IN (\(VolunteerRegistered.eventType.description), \(VolunteerUpdated.eventType.description))
                """)
            try await outbox.enqueue(VolunteerErased(volunteerId: id, erasedAt: now), on: connection, correlationID: id.lowercasedText)
            try await AuditTrail.record("volunteer-erased", volunteer: id, fields: Self.personalFields, on: connection)
            return true
        }
    }

    /// Volunteers (not erased) in the order they registered that pass `filter`, a page at a
    /// time, with how many pass it. A volunteer is in a partnership (or a program) when their
    /// community is a member on the filter's day, or when they hold a seat on one of its
    /// committees then; their role is one of theirs or a committee role they hold then.
    func list(limit: Int, after: UUID?, filter: ListFilter) async throws -> (volunteers: [Volunteer], total: Int) {
        let rows = try await postgres.query(
            """
            WITH day AS (SELECT COALESCE(\(filter.asOf?.description)::date, current_date) AS d),
            matching AS (
                SELECT v.id FROM volunteers v
                WHERE v.erased_at IS NULL
                  AND (\(filter.name)::text IS NULL OR strpos(registry_fold(v.name), registry_fold(\(filter.name))) > 0
                       OR EXISTS (SELECT 1 FROM jsonb_each_text(v.names) n WHERE strpos(registry_fold(n.value), registry_fold(\(filter.name))) > 0))
                  AND (\(filter.community)::uuid IS NULL OR v.home_community_id = \(filter.community))
                  AND (\(filter.side?.rawValue)::text IS NULL OR v.side = \(filter.side?.rawValue))
                  AND (\(filter.language)::text IS NULL
                       OR EXISTS (SELECT 1 FROM unnest(v.languages) l WHERE l = \(filter.language) OR l LIKE \(filter.language) || '-%'))
                  AND (\(filter.role)::text IS NULL OR \(filter.role) = ANY(v.roles) OR EXISTS (
                       SELECT 1 FROM committee_seats s, day
                       WHERE s.volunteer_id = v.id AND s.role = \(filter.role) AND s.term_start <= day.d AND (s.term_end IS NULL OR s.term_end > day.d)))
                  AND ((\(filter.partnership)::uuid IS NULL AND \(filter.program?.rawValue)::text IS NULL)
                       OR EXISTS (
                           SELECT 1 FROM partnership_memberships m JOIN partnerships p ON p.id = m.partnership_id, day
                           WHERE m.community_id = v.home_community_id AND m.joined_on <= day.d AND (m.left_on IS NULL OR m.left_on > day.d)
                             AND (\(filter.partnership)::uuid IS NULL OR p.id = \(filter.partnership))
                             AND (\(filter.program?.rawValue)::text IS NULL OR p.program = \(filter.program?.rawValue)))
                       OR EXISTS (
                           SELECT 1 FROM committee_seats s JOIN committees c ON c.id = s.committee_id JOIN partnerships p ON p.id = c.partnership_id, day
                           WHERE s.volunteer_id = v.id AND s.term_start <= day.d AND (s.term_end IS NULL OR s.term_end > day.d)
                             AND (\(filter.partnership)::uuid IS NULL OR p.id = \(filter.partnership))
                             AND (\(filter.program?.rawValue)::text IS NULL OR p.program = \(filter.program?.rawValue))))
            ),
            page AS (SELECT id FROM matching WHERE \(after)::uuid IS NULL OR id > \(after) ORDER BY id LIMIT \(limit))
            SELECT t.total, \(unsafeSQL: Self.columns)
            FROM (SELECT count(*) AS total FROM matching) t LEFT JOIN (page JOIN volunteers USING (id)) ON true
            ORDER BY id
            """)
        let total = try rows.first?.decode(Int.self, "total") ?? 0
        let volunteers = try rows.filter { try $0.decode(UUID?.self, "id") != nil }.map(Self.volunteer)
        return (volunteers, total)
    }

    func find(id: UUID) async throws -> Volunteer? {
        try await postgres.query("SELECT \(unsafeSQL: Self.columns) FROM volunteers WHERE id = \(id)").first.map(Self.volunteer)
    }

    private func find(idempotencyKey: String) async throws -> Volunteer? {
        try await postgres.query("SELECT \(unsafeSQL: Self.columns) FROM volunteers WHERE idempotency_key = \(idempotencyKey)").first.map(
            Self.volunteer)
    }

    static let columns = """
        id, name, names, home_community_id, side, languages, time_zone, roles, contact_channels::text AS contact_channels,
        registered_at, version, erased_at
        """

    static func volunteer(_ row: PostgresRow) throws -> Volunteer {
        let sideText = try row.decode(String.self, "side")
        guard let side = PartnershipSide(rawValue: sideText) else {
            throw PostgresDecodingError(
                column: "side", swiftType: "PartnershipSide", postgresType: .text, reason: "unknown side '\(sideText)'")
        }
        let channels: [ContactChannel]
        do {
            channels = try ContractCoding.decode([ContactChannel].self, from: Data(try row.decode(String.self, "contact_channels").utf8))
        } catch {
            // Not the decoder's error: it could quote an address.
            throw PostgresDecodingError(
                column: "contact_channels", swiftType: "[ContactChannel]", postgresType: .jsonb, reason: "not a list of contact channels")
        }
        return Volunteer(
            id: try row.decode(UUID.self, "id"), name: try row.decode(String?.self, "name"),
            names: try row.decode(PostgresJSON<[String: String]>.self, "names").value,
            homeCommunityId: try row.decode(UUID.self, "home_community_id"), side: side,
            languages: try row.decode([String].self, "languages"),
            timeZone: try row.decode(String?.self, "time_zone"), roles: try row.decode([String].self, "roles"), contactChannels: channels,
            registeredAt: try row.decode(Date.self, "registered_at"), version: try row.decode(Int.self, "version"),
            erasedAt: try row.decode(Date?.self, "erased_at"))
    }

    /// The channels as the contract's JSON.
    static func json(_ channels: [ContactChannel]) throws -> String {
        String(decoding: try ContractCoding.encode(channels), as: UTF8.self)
    }
}
