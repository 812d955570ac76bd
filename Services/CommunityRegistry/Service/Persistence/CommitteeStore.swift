import Contracts
import Foundation
import Postgres
import ServiceKit
import UUIDText

/// Committees of partnerships and their seats, in the registry's database. A seat taken and a
/// term ended are announced (`registry.committee-seat-taken.v1`, `registry.committee-seat-ended.v1`)
/// in the transaction that stores them.
struct CommitteeStore: Sendable {
    let postgres: PostgresClient
    let partnerships: PartnershipStore

    /// What forming a committee came to.
    enum FormationOutcome: Sendable {
        case formed(Committee)
        case partnershipNotFound
        /// The partnership has a committee of that name.
        case nameTaken
    }

    /// What seating a volunteer, or ending their term, came to.
    enum SeatingOutcome: Sendable {
        /// The seat as it now is.
        case seated(CommitteeSeat)
        case committeeNotFound
        case refused(MembershipRules.Refusal)
    }

    /// The partnership's committees (its joint steering committee first) with every seat ever
    /// held, or those held on `asOf`; nil when there is no such partnership.
    func committees(of partnershipId: UUID, asOf: CalendarDate?) async throws -> [Committee]? {
        try await postgres.withConnection { connection in
            guard try await !connection.query("SELECT 1 FROM partnerships WHERE id = \(partnershipId)").isEmpty else { return nil }
            let seats = try await seats(partnershipId: partnershipId, committeeId: nil, on: connection)
            return try await connection.query(
                """
                SELECT id, name, names, kind FROM committees WHERE partnership_id = \(partnershipId)
                ORDER BY kind = 'jointSteering' DESC, lower(name), id
                """
            ).map { row in
                let id = try row.decode(UUID.self, "id")
                let kindText = try row.decode(String.self, "kind")
                guard let kind = Committee.Kind(rawValue: kindText) else {
                    throw PostgresDecodingError(
                        column: "kind", swiftType: "Committee.Kind", postgresType: .text, reason: "unknown kind '\(kindText)'")
                }
                let held = (seats[id] ?? []).filter { seat in asOf.map { seat.isHeld(on: $0) } ?? true }
                return Committee(
                    id: id, partnershipId: partnershipId, name: try row.decode(String.self, "name"),
                    names: try row.decode(PostgresJSON<[String: String]>.self, "names").value, kind: kind, asOf: asOf, seats: held)
            }
        }
    }

    /// Forms a subcommittee of the partnership.
    func form(partnershipId: UUID, name: String, names: [String: String]) async throws -> FormationOutcome {
        do {
            return try await postgres.withTransaction { connection in
                guard try await !connection.query("SELECT 1 FROM partnerships WHERE id = \(partnershipId) FOR SHARE").isEmpty else {
                    return .partnershipNotFound
                }
                let committee = Committee(
                    id: UUID.timeOrdered(), partnershipId: partnershipId, name: name, names: names, kind: .subcommittee, asOf: nil,
                    seats: [])
                try await connection.query(
                    """
                    INSERT INTO committees (id, partnership_id, name, names, kind)
                    VALUES (\(committee.id), \(partnershipId), \(name), \(PostgresJSON(names)), \(Committee.Kind.subcommittee.rawValue))
                    """)
                return .formed(committee)
            }
        } catch let error as PostgresError where error.code == .uniqueViolation {
            return .nameTaken
        }
    }

    /// Seats the volunteer for the term if the committee's rules allow it. The committee's row
    /// is locked meanwhile, so that two chairs of one side cannot be seated at once.
    func seat(_ seat: ValidSeat, partnershipId: UUID, committeeId: UUID) async throws -> SeatingOutcome {
        try await postgres.withTransaction { connection in
            guard
                let committee = try await connection.query(
                    "SELECT name, kind FROM committees WHERE id = \(committeeId) AND partnership_id = \(partnershipId) FOR UPDATE"
                ).first
            else { return .committeeNotFound }
            guard
                let volunteer = try await connection.query(
                    "SELECT \(unsafeSQL: VolunteerStore.columns) FROM volunteers WHERE id = \(seat.volunteerId)"
                ).first.map(VolunteerStore.volunteer)
            else {
                return .refused(
                    .invalid(
                        InvalidInput(
                            "the volunteer cannot take the seat",
                            invalidFields: [.init(name: "volunteerId", reason: "no volunteer has this id")])))
            }
            let stays = try await partnerships.memberships(of: partnershipId, community: volunteer.homeCommunityId, on: connection)
            let seats = try await seats(partnershipId: partnershipId, committeeId: committeeId, on: connection)[committeeId] ?? []
            if let refusal = CommitteeRules.seating(
                seat, volunteer: volunteer, communityIsMember: stays.contains { $0.isMember(on: seat.termStart) }, seats: seats)
            {
                return .refused(refusal)
            }
            let taken = CommitteeSeat(
                seatId: UUID.timeOrdered(), volunteerId: volunteer.id, name: volunteer.name, erased: false, side: volunteer.side,
                role: seat.role, termStart: seat.termStart, termEnd: seat.termEnd)
            try await connection.query(
                """
                INSERT INTO committee_seats (id, committee_id, volunteer_id, side, role, term_start, term_end)
                VALUES (\(taken.seatId), \(committeeId), \(volunteer.id), \(taken.side.rawValue), \(taken.role.rawValue),
                        \(taken.termStart.description)::date, \(taken.termEnd?.description)::date)
                """)
            let event = CommitteeSeatTaken(
                seatId: taken.seatId, committeeId: committeeId, partnershipId: partnershipId,
                committeeName: try committee.decode(String.self, "name"), committeeKind: try committee.decode(String.self, "kind"),
                volunteerId: volunteer.id, side: taken.side, role: taken.role.rawValue, termStart: taken.termStart,
                termEnd: taken.termEnd, seatedAt: PartnershipStore.now())
            try await partnerships.outbox.enqueue(event, on: connection, correlationID: partnershipId.lowercasedText)
            return .seated(taken)
        }
    }

    /// Ends a seat's term on `termEnd` (see ``SeatEnding/ending(_:on:)``), under the committee's lock.
    func endTerm(seatId: UUID, on termEnd: CalendarDate, partnershipId: UUID, committeeId: UUID) async throws -> SeatingOutcome {
        try await postgres.withTransaction { connection in
            guard
                try await !connection.query(
                    "SELECT 1 FROM committees WHERE id = \(committeeId) AND partnership_id = \(partnershipId) FOR UPDATE"
                ).isEmpty
            else { return .committeeNotFound }
            let seats = try await seats(partnershipId: partnershipId, committeeId: committeeId, on: connection)[committeeId] ?? []
            guard let seat = seats.first(where: { $0.seatId == seatId }) else {
                return .refused(
                    .invalid(
                        InvalidInput(
                            "the term cannot end", invalidFields: [.init(name: "seatId", reason: "is not a seat on this committee")])))
            }
            switch SeatEnding.ending(seat, on: termEnd) {
            case .failure(let refusal): return .refused(refusal)
            case .success(let ended):
                try await connection.query("UPDATE committee_seats SET term_end = \(termEnd.description)::date WHERE id = \(seatId)")
                let event = CommitteeSeatEnded(
                    seatId: seatId, committeeId: committeeId, partnershipId: partnershipId, volunteerId: ended.volunteerId,
                    termEnd: termEnd, recordedAt: PartnershipStore.now())
                try await partnerships.outbox.enqueue(event, on: connection, correlationID: partnershipId.lowercasedText)
                return .seated(ended)
            }
        }
    }

    /// Seats of the partnership's committees (or of one), by committee, in the order of their terms.
    private func seats(partnershipId: UUID, committeeId: UUID?, on connection: PostgresConnection) async throws -> [UUID: [CommitteeSeat]] {
        let rows = try await connection.query(
            """
            SELECT s.id, s.committee_id, s.volunteer_id, v.name, v.erased_at IS NOT NULL AS erased, s.side, s.role,
                   s.term_start::text AS term_start, s.term_end::text AS term_end
            FROM committee_seats s
            JOIN committees c ON c.id = s.committee_id
            JOIN volunteers v ON v.id = s.volunteer_id
            WHERE c.partnership_id = \(partnershipId) AND (\(committeeId)::uuid IS NULL OR s.committee_id = \(committeeId))
            ORDER BY s.term_start, s.id
            """)
        var seats: [UUID: [CommitteeSeat]] = [:]
        for row in rows {
            let sideText = try row.decode(String.self, "side")
            let roleText = try row.decode(String.self, "role")
            guard let side = PartnershipSide(rawValue: sideText), let role = CommitteeRole(rawValue: roleText) else {
                throw PostgresDecodingError(
                    column: "side", swiftType: "CommitteeSeat", postgresType: .text,
                    reason: "unknown side or role '\(sideText)', '\(roleText)'")
            }
            let seat = CommitteeSeat(
                seatId: try row.decode(UUID.self, "id"), volunteerId: try row.decode(UUID.self, "volunteer_id"),
                name: try row.decode(String?.self, "name"), erased: try row.decode(Bool.self, "erased"), side: side, role: role,
                termStart: try PartnershipStore.date(row, "term_start"),
                termEnd: try row.decode(String?.self, "term_end").map { try PartnershipStore.date($0, column: "term_end") })
            seats[try row.decode(UUID.self, "committee_id"), default: []].append(seat)
        }
        return seats
    }
}
