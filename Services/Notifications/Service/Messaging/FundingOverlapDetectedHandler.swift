import Contracts
import Foundation
import Postgres
import ServiceKit

/// `registry.funding-overlap-detected.v1`: the coordinators are told that a need item may be
/// funded twice: every Agency staff member (role `agency-staff`), and the coordinators (role
/// `coordinator` or `partnership-coordinator`) of the item's community and of the communities
/// it shares a partnership with.
struct FundingOverlapDetectedHandler: EventHandler {
    let deliveries: DeliveryStore

    /// The roles that make a volunteer a coordinator of their home community and its partnerships.
    static let coordinatorRoles = ["coordinator", "partnership-coordinator"]

    func handle(_ batch: [Delivered<FundingOverlapDetected>], on connection: PostgresConnection) async throws {
        var owed: [DeliveryStore.NewDelivery] = []
        for delivered in batch {
            let overlap = delivered.event
            let rows = try await connection.query(
                """
                SELECT v.volunteer_id, (SELECT name FROM recipients WHERE community_id = \(overlap.communityId))
                FROM volunteer_recipients v
                WHERE v.erased_at IS NULL
                  AND ('agency-staff' = ANY(v.roles)
                       OR (v.roles && \(Self.coordinatorRoles)::text[]
                           AND (v.home_community_id = \(overlap.communityId)
                                OR v.home_community_id IN (
                                    SELECT other.community_id
                                    FROM partnership_members mine JOIN partnership_members other ON other.partnership_id = mine.partnership_id
                                    WHERE mine.community_id = \(overlap.communityId)
                                      AND (mine.left_on IS NULL OR mine.left_on > current_date)
                                      AND (other.left_on IS NULL OR other.left_on > current_date)))))
                ORDER BY v.volunteer_id
                """)
            var values = [
                "estimatedCost": Self.written(overlap.estimatedCost.amount, overlap.estimatedCost.currency),
                "pledgedAndCommitted": Self.written(overlap.pledgedAndCommitted, overlap.estimatedCost.currency),
                "flowCount": "\(Set(overlap.flows.map(\.funderName)).count)", "needItemId": overlap.needItemId.uuidString.lowercased(),
            ]
            if let description = overlap.needDescription { values["needDescription"] = description }
            for row in rows {
                var recipientValues = values
                if let community = try row.decode(String?.self, at: 1) { recipientValues["communityName"] = community }
                owed.append(
                    DeliveryStore.NewDelivery(
                        causeId: delivered.context.messageID, recipientId: try row.decode(UUID.self, at: 0), kind: .fundingOverlap,
                        correlationId: delivered.context.correlationID, values: recipientValues,
                        instants: ["detectedAt": overlap.detectedAt]))
            }
        }
        try await deliveries.record(owed, on: connection)
    }

    /// An amount in minor units as people write it: `360,000.00 ILS` (no minor units for the
    /// currencies that have none).
    static func written(_ minorUnits: Int, _ currency: String) -> String {
        let whole = ["JPY", "KRW", "CLP", "ISK", "VND"].contains(currency)
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.usesGroupingSeparator = true
        formatter.groupingSeparator = ","
        formatter.groupingSize = 3
        formatter.minimumFractionDigits = whole ? 0 : 2
        formatter.maximumFractionDigits = whole ? 0 : 2
        let amount = whole ? Double(minorUnits) : Double(minorUnits) / 100
        return (formatter.string(from: NSNumber(value: amount)) ?? "\(amount)") + " " + currency
    }
}
