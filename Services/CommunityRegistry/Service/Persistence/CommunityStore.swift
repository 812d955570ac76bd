import Contracts
import Foundation
import Postgres
import ServiceKit
import UUIDText

/// Communities in the registry's database.
struct CommunityStore: Sendable {
    let postgres: PostgresClient
    let outbox: Outbox

    /// Stores the community and its `registry.community-registered.v1` event in one
    /// transaction. With an idempotency key that was used before, returns the community that
    /// key created instead (and `created` false).
    func register(_ registration: ValidRegistration, idempotencyKey: String?) async throws -> (community: Community, created: Bool) {
        if let idempotencyKey, let existing = try await find(idempotencyKey: idempotencyKey) { return (existing, false) }
        let community = Self.newCommunity(registration)
        do {
            try await postgres.withTransaction { connection in
                try await insert(community, idempotencyKey: idempotencyKey, on: connection)
                try await outbox.enqueue(community.registeredEvent, on: connection, correlationID: community.id.lowercasedText)
            }
        } catch let error as PostgresError where error.code == .uniqueViolation && idempotencyKey != nil {
            // The same key raced in from another request: answer with what it created.
            if let idempotencyKey, let existing = try await find(idempotencyKey: idempotencyKey) { return (existing, false) }
            throw error
        }
        return (community, true)
    }

    /// Stores the communities that `registry.register-community.v1` commands asked for, and
    /// their events, in the transaction that records the commands: their workflow is the
    /// command's.
    func register(_ registrations: [(ValidRegistration, cause: HandlingContext)], on connection: PostgresConnection) async throws {
        for (registration, cause) in registrations {
            let community = Self.newCommunity(registration)
            try await insert(community, idempotencyKey: nil, on: connection)
            try await outbox.enqueue(community.registeredEvent, on: connection, causedBy: cause)
        }
    }

    /// A new id, in time order, and the instant in milliseconds, as the contract carries them.
    private static func newCommunity(_ registration: ValidRegistration) -> Community {
        Community(
            registration, id: UUID.timeOrdered(),
            registeredAt: Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded() / 1000))
    }

    private func insert(_ community: Community, idempotencyKey: String?, on connection: PostgresConnection) async throws {
        try await connection.pipeline(
            """
            INSERT INTO communities (id, name, names, kind, country, region, time_zone, latitude, longitude, languages,
                                     contact_email, idempotency_key, registered_at)
            VALUES (\(community.id), \(community.name), \(PostgresJSON(community.names)), \(community.kind.rawValue),
                    \(community.country), \(community.region), \(community.timeZone), \(community.coordinates.latitude),
                    \(community.coordinates.longitude), \(community.languages), \(community.contactEmail), \(idempotencyKey),
                    \(community.registeredAt))
            """)
    }

    /// What an update came to.
    enum UpdateOutcome: Sendable {
        /// Stored, with its event; `changed` names the fields (none: nothing was different, and
        /// neither the version nor the event moved).
        case updated(Community, changed: [String])
        case notFound
        /// The version the caller named is not the current one.
        case stale(current: Community)
        case invalid(InvalidInput)
    }

    /// Applies `change` to the community if its version is one of `expectedVersions` (nil:
    /// whatever it is), and stores the result with its `registry.community-updated.v1` event
    /// in one transaction. The row is locked meanwhile, so two updates of the same version
    /// cannot both pass.
    func update(id: UUID, expectedVersions: Set<Int>?, change: CommunityChange) async throws -> UpdateOutcome {
        try await postgres.withTransaction { connection in
            guard
                let current = try await connection.query(
                    "SELECT \(unsafeSQL: Self.columns) FROM communities WHERE id = \(id) FOR UPDATE"
                ).first.map(Self.community)
            else { return .notFound }
            if let expectedVersions, !expectedVersions.contains(current.version) { return .stale(current: current) }
            switch change.applied(to: current) {
            case .failure(let invalid): return .invalid(invalid)
            case .success(let (changed, fields)) where fields.isEmpty: return .updated(changed, changed: [])
            case .success(let (changed, fields)):
                var next = changed
                next.version = current.version + 1
                let now = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded() / 1000)
                try await connection.pipeline(
                    """
                    UPDATE communities
                    SET name = \(next.name), names = \(PostgresJSON(next.names)), country = \(next.country), region = \(next.region),
                        time_zone = \(next.timeZone), latitude = \(next.coordinates.latitude), longitude = \(next.coordinates.longitude),
                        languages = \(next.languages), contact_email = \(next.contactEmail), version = \(next.version), updated_at = \(now)
                    WHERE id = \(id)
                    """)
                try await outbox.enqueue(next.updatedEvent(changed: fields, at: now), on: connection, correlationID: id.lowercasedText)
                return .updated(next, changed: fields)
            }
        }
    }

    func find(id: UUID) async throws -> Community? {
        try await postgres.query("SELECT \(unsafeSQL: Self.columns) FROM communities WHERE id = \(id)").first.map(Self.community)
    }

    func find(idempotencyKey: String) async throws -> Community? {
        try await postgres.query("SELECT \(unsafeSQL: Self.columns) FROM communities WHERE idempotency_key = \(idempotencyKey)")
            .first.map(Self.community)
    }

    /// Communities in registration order that pass `filter`, a page at a time, with how many
    /// pass it in all. One statement: the total comes in every row, and alone when the page is
    /// empty.
    func list(limit: Int, after: UUID?, filter: ListFilter) async throws -> (communities: [Community], total: Int) {
        let rows = try await postgres.query(
            """
            WITH day AS (SELECT COALESCE(\(filter.asOf?.description)::date, current_date) AS d),
            matching AS (
                SELECT c.* FROM communities c
                WHERE (\(filter.name)::text IS NULL OR strpos(registry_fold(c.name), registry_fold(\(filter.name))) > 0
                       OR EXISTS (SELECT 1 FROM jsonb_each_text(c.names) n WHERE strpos(registry_fold(n.value), registry_fold(\(filter.name))) > 0))
                  AND (\(filter.communityKind)::text IS NULL OR c.kind = \(filter.communityKind))
                  AND (\(filter.language)::text IS NULL
                       OR EXISTS (SELECT 1 FROM unnest(c.languages) l WHERE l = \(filter.language) OR l LIKE \(filter.language) || '-%'))
                  AND (\(filter.community)::uuid IS NULL OR c.id = \(filter.community))
                  AND ((\(filter.partnership)::uuid IS NULL AND \(filter.program?.rawValue)::text IS NULL) OR EXISTS (
                       SELECT 1 FROM partnership_memberships m JOIN partnerships p ON p.id = m.partnership_id, day
                       WHERE m.community_id = c.id AND m.joined_on <= day.d AND (m.left_on IS NULL OR m.left_on > day.d)
                         AND (\(filter.partnership)::uuid IS NULL OR p.id = \(filter.partnership))
                         AND (\(filter.program?.rawValue)::text IS NULL OR p.program = \(filter.program?.rawValue))))
            ),
            page AS (
                SELECT * FROM matching
                WHERE \(after)::uuid IS NULL OR (registered_at, id) > (SELECT registered_at, id FROM communities WHERE id = \(after))
                ORDER BY registered_at, id LIMIT \(limit)
            )
            SELECT t.total, page.*
            FROM (SELECT count(*) AS total FROM matching) t LEFT JOIN page ON true
            ORDER BY page.registered_at, page.id
            """)
        let total = try rows.first?.decode(Int.self, "total") ?? 0
        let communities = try rows.filter { try $0.decode(UUID?.self, "id") != nil }.map(Self.community)
        return (communities, total)
    }

    static let columns =
        "id, name, names, kind, country, region, time_zone, latitude, longitude, languages, contact_email, registered_at, version"

    static func community(_ row: PostgresRow) throws -> Community {
        let kindText = try row.decode(String.self, "kind")
        guard let kind = CommunityKind(rawValue: kindText) else {
            throw PostgresDecodingError(
                column: "kind", swiftType: "CommunityKind", postgresType: .text, reason: "unknown kind '\(kindText)'")
        }
        return Community(
            id: try row.decode(UUID.self, "id"), name: try row.decode(String.self, "name"),
            names: try row.decode(PostgresJSON<[String: String]>.self, "names").value, kind: kind,
            country: try row.decode(String.self, "country"), region: try row.decode(String.self, "region"),
            timeZone: try row.decode(String.self, "time_zone"),
            coordinates: Coordinates(
                latitude: try row.decode(Double.self, "latitude"), longitude: try row.decode(Double.self, "longitude")),
            languages: try row.decode([String].self, "languages"), contactEmail: try row.decode(String.self, "contact_email"),
            registeredAt: try row.decode(Date.self, "registered_at"), version: try row.decode(Int.self, "version"))
    }
}
