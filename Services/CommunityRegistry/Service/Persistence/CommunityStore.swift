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

    /// Communities in registration order, a page at a time.
    func list(limit: Int, after: UUID?) async throws -> (communities: [Community], total: Int) {
        let total = try await postgres.query("SELECT count(*) FROM communities")[0].decode(Int.self, at: 0)
        let rows: PostgresRows
        if let after {
            rows = try await postgres.query(
                """
                SELECT \(unsafeSQL: Self.columns) FROM communities
                WHERE (registered_at, id) > (SELECT registered_at, id FROM communities WHERE id = \(after))
                ORDER BY registered_at, id LIMIT \(limit)
                """)
        } else {
            rows = try await postgres.query("SELECT \(unsafeSQL: Self.columns) FROM communities ORDER BY registered_at, id LIMIT \(limit)")
        }
        return (try rows.map(Self.community), total)
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
