import Contracts
import Foundation
import Postgres

/// The matching service's read model of the registry's partnerships and every stay of each
/// community in them, history included: a run reads the stays that hold on its day.
struct PartnershipReadModel: Sendable {
    func recordFormed(_ events: [PartnershipFormed], on connection: PostgresConnection) async throws {
        for event in events {
            try await connection.pipeline(
                """
                INSERT INTO partnerships (partnership_id, program, formed_on)
                VALUES (\(event.partnershipId), \(event.program.rawValue), \(event.formedOn.description)::date)
                ON CONFLICT (partnership_id) DO NOTHING
                """)
            for member in event.members {
                try await recordStay(
                    partnership: event.partnershipId, membership: member.membershipId, community: member.communityId, side: member.side,
                    joinedOn: member.joinedOn, leftOn: nil, on: connection)
            }
        }
    }

    func recordJoined(_ events: [PartnershipMemberJoined], on connection: PostgresConnection) async throws {
        for event in events {
            try await recordStay(
                partnership: event.partnershipId, membership: event.membershipId, community: event.communityId, side: event.side,
                joinedOn: event.joinedOn, leftOn: nil, on: connection)
        }
    }

    /// A departure ends the stay, or records the whole stay when its arrival has not come yet.
    func recordLeft(_ events: [PartnershipMemberLeft], on connection: PostgresConnection) async throws {
        for event in events {
            try await recordStay(
                partnership: event.partnershipId, membership: event.membershipId, community: event.communityId, side: event.side,
                joinedOn: event.joinedOn, leftOn: event.leftOn, on: connection)
        }
    }

    private func recordStay(
        partnership: UUID, membership: UUID, community: UUID, side: PartnershipSide, joinedOn: CalendarDate, leftOn: CalendarDate?,
        on connection: PostgresConnection
    ) async throws {
        try await connection.pipeline(
            """
            INSERT INTO partnership_stays (membership_id, partnership_id, community_id, side, joined_on, left_on)
            VALUES (\(membership), \(partnership), \(community), \(side.rawValue), \(joinedOn.description)::date, \(leftOn?.description)::date)
            ON CONFLICT (membership_id) DO UPDATE SET left_on = COALESCE(EXCLUDED.left_on, partnership_stays.left_on)
            """)
    }

    /// Every stay, as a matching run reads them.
    func stays(on connection: PostgresConnection) async throws -> [ReadModelSnapshot.Stay] {
        try await connection.query(
            "SELECT partnership_id, community_id, joined_on::text AS joined_on, left_on::text AS left_on FROM partnership_stays"
        ).compactMap { row in
            guard let joined = CalendarDate(parsing: try row.decode(String.self, "joined_on")) else { return nil }
            return ReadModelSnapshot.Stay(
                partnershipId: try row.decode(UUID.self, "partnership_id"), communityId: try row.decode(UUID.self, "community_id"),
                joinedOn: joined, leftOn: try row.decode(String?.self, "left_on").flatMap(CalendarDate.init(parsing:)))
        }
    }
}
