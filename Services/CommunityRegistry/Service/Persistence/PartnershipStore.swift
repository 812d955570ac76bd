import Contracts
import Foundation
import Postgres
import ServiceKit
import UUIDText

/// Partnerships and the stays of their communities, in the registry's database.
struct PartnershipStore: Sendable {
    let postgres: PostgresClient
    let outbox: Outbox

    /// What a change of membership came to.
    enum MembershipOutcome: Sendable {
        case done(PartnershipMembership)
        case partnershipNotFound
        case refused(MembershipRules.Refusal)
    }

    /// The communities among `ids` that the registry knows, by id.
    func communities(_ ids: [UUID], on connection: PostgresConnection? = nil) async throws -> [UUID: CommunitySummary] {
        guard !ids.isEmpty else { return [:] }
        let query: PostgresQuery = """
            SELECT id, name, names, kind, time_zone FROM communities WHERE id = ANY(\(ids)::uuid[])
            """
        let rows: PostgresRows
        if let connection { rows = try await connection.query(query) } else { rows = try await postgres.query(query) }
        var found: [UUID: CommunitySummary] = [:]
        for row in rows {
            let summary = try Self.communitySummary(row)
            found[summary.id] = summary
        }
        return found
    }

    /// Stores the partnership, its first stays and `registry.partnership-formed.v1` in one
    /// transaction. With an idempotency key used before, returns what that key formed instead.
    func form(_ formation: ValidFormation, idempotencyKey: String?) async throws -> (partnership: Partnership, created: Bool) {
        if let idempotencyKey, let existing = try await find(idempotencyKey: idempotencyKey) { return (existing, false) }
        let id = UUID.timeOrdered()
        let recordedAt = Self.now()
        let memberships = formation.members.map { member in
            PartnershipMembership(
                membershipId: UUID.timeOrdered(), communityId: member.community.id, name: member.community.name,
                names: member.community.names, side: member.community.side, joinedOn: member.joinedOn, leftOn: nil)
        }
        let partnership = Partnership(
            id: id, name: formation.name, names: formation.names, program: formation.program, formedOn: formation.formedOn,
            recordedAt: recordedAt, memberships: memberships, asOf: nil)
        do {
            try await postgres.withTransaction { connection in
                try await connection.pipeline(
                    """
                    INSERT INTO partnerships (id, name, names, program, formed_on, idempotency_key, recorded_at)
                    VALUES (\(id), \(formation.name), \(PostgresJSON(formation.names)), \(formation.program.rawValue),
                            \(formation.formedOn.description)::date, \(idempotencyKey), \(recordedAt))
                    """)
                try await connection.pipeline(
                    """
                    INSERT INTO partnership_memberships (id, partnership_id, community_id, side, joined_on)
                    SELECT m.id, \(id), m.community_id, m.side, m.joined_on::date
                    FROM unnest(\(memberships.map(\.membershipId))::uuid[], \(memberships.map(\.communityId))::uuid[],
                                \(memberships.map(\.side.rawValue))::text[], \(memberships.map(\.joinedOn.description))::text[])
                         AS m(id, community_id, side, joined_on)
                    """)
                // Every partnership has its joint steering committee from the start.
                try await connection.pipeline(
                    """
                    INSERT INTO committees (id, partnership_id, name, names, kind)
                    VALUES (\(UUID.timeOrdered()), \(id), \(Committee.jointSteeringName), \(PostgresJSON(Committee.jointSteeringNames)),
                            \(Committee.Kind.jointSteering.rawValue))
                    """)
                let event = PartnershipFormed(
                    partnershipId: id, name: formation.name, names: formation.names.isEmpty ? nil : formation.names,
                    program: formation.program, formedOn: formation.formedOn,
                    members: memberships.map {
                        .init(membershipId: $0.membershipId, communityId: $0.communityId, side: $0.side, joinedOn: $0.joinedOn)
                    }, recordedAt: recordedAt)
                try await outbox.enqueue(event, on: connection, correlationID: id.lowercasedText)
            }
        } catch let error as PostgresError where error.code == .uniqueViolation && idempotencyKey != nil {
            if let idempotencyKey, let existing = try await find(idempotencyKey: idempotencyKey) { return (existing, false) }
            throw error
        }
        return (partnership, true)
    }

    /// A community joins the partnership on `date`, if the partnership's history allows it;
    /// with `registry.partnership-member-joined.v1`. The partnership's row is locked meanwhile,
    /// so that two changes of the same community's stays cannot overlap.
    func join(partnershipId: UUID, communityId: UUID, on date: CalendarDate) async throws -> MembershipOutcome {
        try await postgres.withTransaction { connection in
            guard let formedOn = try await lock(partnershipId, on: connection) else { return .partnershipNotFound }
            guard let community = try await communities([communityId], on: connection)[communityId] else {
                return .refused(
                    .invalid(
                        InvalidInput(
                            "the community cannot join", invalidFields: [.init(name: "communityId", reason: "no community has this id")])))
            }
            let stays = try await memberships(of: partnershipId, community: communityId, on: connection)
            if let refusal = MembershipRules.joining(community, on: date, formedOn: formedOn, stays: stays) { return .refused(refusal) }
            let membership = PartnershipMembership(
                membershipId: UUID.timeOrdered(), communityId: communityId, name: community.name, names: community.names,
                side: community.side, joinedOn: date, leftOn: nil)
            try await connection.pipeline(
                """
                INSERT INTO partnership_memberships (id, partnership_id, community_id, side, joined_on)
                VALUES (\(membership.membershipId), \(partnershipId), \(communityId), \(membership.side.rawValue), \(date.description)::date)
                """)
            let event = PartnershipMemberJoined(
                partnershipId: partnershipId, membershipId: membership.membershipId, communityId: communityId, side: membership.side,
                joinedOn: date)
            try await outbox.enqueue(event, on: connection, correlationID: partnershipId.lowercasedText)
            return .done(membership)
        }
    }

    /// The community's current stay ends on `leftOn`, with `registry.partnership-member-left.v1`.
    func leave(partnershipId: UUID, communityId: UUID, on leftOn: CalendarDate) async throws -> MembershipOutcome {
        try await postgres.withTransaction { connection in
            guard try await lock(partnershipId, on: connection) != nil else { return .partnershipNotFound }
            guard let community = try await communities([communityId], on: connection)[communityId] else {
                return .refused(
                    .invalid(
                        InvalidInput(
                            "the community cannot leave", invalidFields: [.init(name: "communityId", reason: "no community has this id")])))
            }
            let stays = try await memberships(of: partnershipId, community: communityId, on: connection)
            switch MembershipRules.leaving(community, on: leftOn, stays: stays) {
            case .failure(let refusal): return .refused(refusal)
            case .success(let ended):
                try await connection.pipeline(
                    "UPDATE partnership_memberships SET left_on = \(leftOn.description)::date WHERE id = \(ended.membershipId)")
                let event = PartnershipMemberLeft(
                    partnershipId: partnershipId, membershipId: ended.membershipId, communityId: communityId, side: ended.side,
                    joinedOn: ended.joinedOn, leftOn: leftOn)
                try await outbox.enqueue(event, on: connection, correlationID: partnershipId.lowercasedText)
                return .done(ended)
            }
        }
    }

    /// The partnership with its whole history, or with its members on `asOf`.
    func find(id: UUID, asOf: CalendarDate? = nil) async throws -> Partnership? {
        try await postgres.withConnection { connection in
            guard
                let row = try await connection.query(
                    "SELECT id, name, names, program, formed_on::text AS formed_on, recorded_at FROM partnerships WHERE id = \(id)"
                ).first
            else { return nil }
            return try await partnership(row, asOf: asOf, on: connection)
        }
    }

    /// Partnerships in the order they were recorded that pass `filter` (name, program, a
    /// community that is a member on its day), a page at a time, with how many pass it.
    func list(limit: Int, after: UUID?, filter: ListFilter) async throws -> (partnerships: [PartnershipSummary], total: Int) {
        let rows = try await postgres.query(
            """
            WITH day AS (SELECT COALESCE(\(filter.asOf?.description)::date, current_date) AS d),
            matching AS (
                SELECT p.id, p.name, p.names, p.program, p.formed_on::text AS formed_on, p.recorded_at FROM partnerships p
                WHERE (\(filter.name)::text IS NULL OR strpos(registry_fold(p.name), registry_fold(\(filter.name))) > 0
                       OR EXISTS (SELECT 1 FROM jsonb_each_text(p.names) n WHERE strpos(registry_fold(n.value), registry_fold(\(filter.name))) > 0))
                  AND (\(filter.program?.rawValue)::text IS NULL OR p.program = \(filter.program?.rawValue))
                  AND (\(filter.partnership)::uuid IS NULL OR p.id = \(filter.partnership))
                  AND ((\(filter.community)::uuid IS NULL AND \(filter.side?.rawValue)::text IS NULL) OR EXISTS (
                       SELECT 1 FROM partnership_memberships m, day
                       WHERE m.partnership_id = p.id AND m.joined_on <= day.d AND (m.left_on IS NULL OR m.left_on > day.d)
                         AND (\(filter.community)::uuid IS NULL OR m.community_id = \(filter.community))
                         AND (\(filter.side?.rawValue)::text IS NULL OR m.side = \(filter.side?.rawValue))))
            ),
            page AS (SELECT * FROM matching WHERE \(after)::uuid IS NULL OR id > \(after) ORDER BY id LIMIT \(limit))
            SELECT t.total, page.* FROM (SELECT count(*) AS total FROM matching) t LEFT JOIN page ON true ORDER BY page.id
            """)
        let total = try rows.first?.decode(Int.self, "total") ?? 0
        let partnerships = try rows.filter { try $0.decode(UUID?.self, "id") != nil }.map { row in
            let programText = try row.decode(String.self, "program")
            guard let program = PartnershipProgram(rawValue: programText) else {
                throw PostgresDecodingError(
                    column: "program", swiftType: "PartnershipProgram", postgresType: .text, reason: "unknown program '\(programText)'")
            }
            return PartnershipSummary(
                id: try row.decode(UUID.self, "id"), name: try row.decode(String.self, "name"),
                names: try row.decode(PostgresJSON<[String: String]>.self, "names").value, program: program,
                formedOn: try Self.date(row, "formed_on"), recordedAt: try row.decode(Date.self, "recorded_at"))
        }
        return (partnerships, total)
    }

    private func find(idempotencyKey: String) async throws -> Partnership? {
        try await postgres.withConnection { connection in
            guard
                let row = try await connection.query(
                    """
                    SELECT id, name, names, program, formed_on::text AS formed_on, recorded_at FROM partnerships
                    WHERE idempotency_key = \(idempotencyKey)
                    """
                ).first
            else { return nil }
            return try await partnership(row, asOf: nil, on: connection)
        }
    }

    private func partnership(_ row: PostgresRow, asOf: CalendarDate?, on connection: PostgresConnection) async throws -> Partnership {
        let id = try row.decode(UUID.self, "id")
        let programText = try row.decode(String.self, "program")
        guard let program = PartnershipProgram(rawValue: programText) else {
            throw PostgresDecodingError(
                column: "program", swiftType: "PartnershipProgram", postgresType: .text, reason: "unknown program '\(programText)'")
        }
        return Partnership(
            id: id, name: try row.decode(String.self, "name"), names: try row.decode(PostgresJSON<[String: String]>.self, "names").value,
            program: program, formedOn: try Self.date(row, "formed_on"), recordedAt: try row.decode(Date.self, "recorded_at"),
            memberships: try await memberships(of: id, community: nil, on: connection), asOf: asOf)
    }

    /// The partnership's row, locked until the transaction ends; its formation day, or nil when there is none.
    private func lock(_ id: UUID, on connection: PostgresConnection) async throws -> CalendarDate? {
        guard
            let row = try await connection.query("SELECT formed_on::text AS formed_on FROM partnerships WHERE id = \(id) FOR UPDATE").first
        else { return nil }
        return try Self.date(row, "formed_on")
    }

    /// Every stay in the partnership, or those of one community.
    func memberships(of partnershipId: UUID, community: UUID?, on connection: PostgresConnection) async throws
        -> [PartnershipMembership]
    {
        try await connection.query(
            """
            SELECT m.id, m.community_id, c.name, c.names, m.side, m.joined_on::text AS joined_on, m.left_on::text AS left_on
            FROM partnership_memberships m JOIN communities c ON c.id = m.community_id
            WHERE m.partnership_id = \(partnershipId) AND (\(community)::uuid IS NULL OR m.community_id = \(community))
            ORDER BY m.joined_on, m.id
            """
        ).map { row in
            let sideText = try row.decode(String.self, "side")
            guard let side = PartnershipSide(rawValue: sideText) else {
                throw PostgresDecodingError(
                    column: "side", swiftType: "PartnershipSide", postgresType: .text, reason: "unknown side '\(sideText)'")
            }
            return PartnershipMembership(
                membershipId: try row.decode(UUID.self, "id"), communityId: try row.decode(UUID.self, "community_id"),
                name: try row.decode(String.self, "name"), names: try row.decode(PostgresJSON<[String: String]>.self, "names").value,
                side: side, joinedOn: try Self.date(row, "joined_on"),
                leftOn: try row.decode(String?.self, "left_on").map { try Self.date($0, column: "left_on") })
        }
    }

    static func communitySummary(_ row: PostgresRow) throws -> CommunitySummary {
        let kindText = try row.decode(String.self, "kind")
        guard let kind = CommunityKind(rawValue: kindText) else {
            throw PostgresDecodingError(
                column: "kind", swiftType: "CommunityKind", postgresType: .text, reason: "unknown kind '\(kindText)'")
        }
        return CommunitySummary(
            id: try row.decode(UUID.self, "id"), name: try row.decode(String.self, "name"),
            names: try row.decode(PostgresJSON<[String: String]>.self, "names").value, kind: kind,
            timeZone: try row.decode(String.self, "time_zone"))
    }

    /// A `date` column read as text (`formed_on::text`).
    static func date(_ row: PostgresRow, _ column: String) throws -> CalendarDate {
        try date(try row.decode(String.self, column), column: column)
    }

    static func date(_ text: String, column: String) throws -> CalendarDate {
        guard let date = CalendarDate(parsing: text) else {
            throw PostgresDecodingError(column: column, swiftType: "CalendarDate", postgresType: .text, reason: "not a date: '\(text)'")
        }
        return date
    }

    /// Now, to the millisecond, as the contract carries instants.
    static func now() -> Date { Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded() / 1000) }
}
