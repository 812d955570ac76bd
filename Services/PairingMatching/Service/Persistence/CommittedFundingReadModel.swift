import Contracts
import Foundation
import Postgres

/// The funding global communities committed, as the registry announced it: what ties up a
/// supporting community's means for a new pairing. Flows from funders that are not a community
/// (federations, Keren Hayesod, governments) tie up no community's, and are not kept.
struct CommittedFundingReadModel: Sendable {
    /// Records the flows of community funders, once each.
    func recordCommitted(_ events: [FundingCommitted], on connection: PostgresConnection) async throws {
        for event in events {
            guard let funder = event.funderCommunityId.flatMap(UUID.init(uuidString:)) else { continue }
            try await connection.pipeline(
                """
                INSERT INTO committed_funding (flow_id, funder_community_id, community_id, pairing_id, pairing_year, currency, amount,
                                               committed_on)
                VALUES (\(event.flowId), \(funder), \(event.communityId), \(event.pairingId.flatMap(UUID.init(uuidString:))),
                        \(event.pairingYear), \(event.committed.currency), \(event.committed.amount),
                        \(event.committedOn.description)::date)
                ON CONFLICT (flow_id) DO NOTHING
                """)
        }
    }

    /// Every flow a community committed.
    func all(on connection: PostgresConnection) async throws -> [ReadModelSnapshot.Commitment] {
        try await connection.query(
            """
            SELECT flow_id, funder_community_id, pairing_id, pairing_year, currency, amount, committed_on::text AS committed_on
            FROM committed_funding ORDER BY committed_on, flow_id
            """
        ).compactMap { row in
            guard let day = CalendarDate(parsing: try row.decode(String.self, "committed_on")) else { return nil }
            return ReadModelSnapshot.Commitment(
                flowId: try row.decode(UUID.self, "flow_id"), funderCommunityId: try row.decode(UUID.self, "funder_community_id"),
                pairingId: try row.decode(UUID?.self, "pairing_id"), pairingYear: try row.decode(Int?.self, "pairing_year"),
                currency: try row.decode(String.self, "currency"), amount: try row.decode(Int64.self, "amount"), committedOn: day)
        }
    }
}
