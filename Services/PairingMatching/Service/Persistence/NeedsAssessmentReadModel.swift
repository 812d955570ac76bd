import Contracts
import Foundation
import Postgres

/// The needs assessments the registry's communities submitted: the latest version of each
/// community's, in short (how many items, what they are estimated to cost). A matching run
/// records which impacted communities have submitted needs; the assessment names no need
/// categories, so the engine's needs-fit factor cannot score them yet.
struct NeedsAssessmentReadModel: Sendable {
    /// Records each assessment unless the read model holds a later version of the community's.
    func recordSubmitted(_ events: [NeedsAssessmentSubmitted], on connection: PostgresConnection) async throws {
        for event in events {
            let cost = String(decoding: try ContractCoding.encode(event.estimatedCost), as: UTF8.self)
            try await connection.pipeline(
                """
                INSERT INTO needs_assessments (community_id, assessment_id, version, immediate_items, long_term_items, estimated_cost,
                                               submitted_at)
                VALUES (\(event.communityId), \(event.assessmentId), \(event.version), \(event.immediateItems), \(event.longTermItems),
                        \(cost)::jsonb, \(event.submittedAt))
                ON CONFLICT (community_id) DO UPDATE SET assessment_id = EXCLUDED.assessment_id, version = EXCLUDED.version,
                    immediate_items = EXCLUDED.immediate_items, long_term_items = EXCLUDED.long_term_items,
                    estimated_cost = EXCLUDED.estimated_cost, submitted_at = EXCLUDED.submitted_at
                WHERE needs_assessments.version < EXCLUDED.version
                """)
        }
    }

    /// The latest assessment of every community that submitted one.
    func all(on connection: PostgresConnection) async throws -> [UUID: MatchingRun.NeedsAssessment] {
        var assessments: [UUID: MatchingRun.NeedsAssessment] = [:]
        for row in try await connection.query(
            """
            SELECT community_id, assessment_id, version, immediate_items, long_term_items, estimated_cost::text AS estimated_cost,
                   submitted_at
            FROM needs_assessments
            """)
        {
            assessments[try row.decode(UUID.self, "community_id")] = MatchingRun.NeedsAssessment(
                assessmentId: try row.decode(UUID.self, "assessment_id"), version: try row.decode(Int.self, "version"),
                immediateItems: try row.decode(Int.self, "immediate_items"), longTermItems: try row.decode(Int.self, "long_term_items"),
                estimatedCost: try ContractCoding.decode(
                    [Contracts.Money].self, from: Data(try row.decode(String.self, "estimated_cost").utf8)),
                submittedAt: try row.decode(Date.self, "submitted_at"))
        }
        return assessments
    }
}
