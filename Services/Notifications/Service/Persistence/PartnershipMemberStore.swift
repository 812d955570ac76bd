import Contracts
import Foundation
import Postgres
import ServiceKit

/// Which communities are in which partnership now, as the registry announces it: the people of
/// a partnership are the volunteers whose home community is a current member. A departure that
/// arrives before its joining still leaves the membership marked as ended.
struct PartnershipMemberStore: Sendable {
    func recordFormed(_ batch: [Delivered<PartnershipFormed>], on connection: PostgresConnection) async throws {
        let members = batch.flatMap { delivered in delivered.event.members.map { (delivered.event.partnershipId, $0) } }
        guard !members.isEmpty else { return }
        try await connection.pipeline(
            """
            INSERT INTO partnership_members (membership_id, partnership_id, community_id)
            SELECT * FROM unnest(\(members.map(\.1.membershipId))::uuid[], \(members.map(\.0))::uuid[],
                                 \(members.map(\.1.communityId))::uuid[])
            ON CONFLICT (membership_id) DO NOTHING
            """)
    }

    func recordJoined(_ batch: [Delivered<PartnershipMemberJoined>], on connection: PostgresConnection) async throws {
        let events = batch.map(\.event)
        try await connection.pipeline(
            """
            INSERT INTO partnership_members (membership_id, partnership_id, community_id)
            SELECT * FROM unnest(\(events.map(\.membershipId))::uuid[], \(events.map(\.partnershipId))::uuid[],
                                 \(events.map(\.communityId))::uuid[])
            ON CONFLICT (membership_id) DO NOTHING
            """)
    }

    func recordLeft(_ batch: [Delivered<PartnershipMemberLeft>], on connection: PostgresConnection) async throws {
        let events = batch.map(\.event)
        try await connection.pipeline(
            """
            INSERT INTO partnership_members AS m (membership_id, partnership_id, community_id, left_on)
            SELECT id, partnership, community, left_on::date
            FROM unnest(\(events.map(\.membershipId))::uuid[], \(events.map(\.partnershipId))::uuid[],
                        \(events.map(\.communityId))::uuid[], \(events.map(\.leftOn.description))::text[])
                 AS e(id, partnership, community, left_on)
            ON CONFLICT (membership_id) DO UPDATE SET left_on = excluded.left_on
            """)
    }
}
