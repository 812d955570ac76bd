import Foundation
import Postgres
import ServiceKit

/// Announcements and their deliveries: one per volunteer of the community who is not erased,
/// each with its `delivery-due` timer, all written in one transaction with the announcement.
struct AnnouncementStore: Sendable {
    let postgres: PostgresClient

    /// Records the announcement and what it owes, or, for an `Idempotency-Key` seen before, finds
    /// the announcement it made. Returns its id and whether it is new.
    func create(_ request: AnnouncementRequest, idempotencyKey: String?, by subject: String) async throws -> (id: UUID, created: Bool) {
        try await postgres.withTransaction { connection in
            if let idempotencyKey,
                let existing = try await connection.query("SELECT id FROM announcements WHERE idempotency_key = \(idempotencyKey)").first
            {
                return (try existing.decode(UUID.self, at: 0), false)
            }
            let id = UUID.timeOrdered()
            let critical = request.critical ?? false
            try await connection.query(
                """
                INSERT INTO announcements (id, community_id, subjects, bodies, critical, recipients, idempotency_key, created_by)
                VALUES (\(id), \(request.communityId), \(PostgresJSON(request.subjects)), \(PostgresJSON(request.bodies)), \(critical),
                        (SELECT count(*) FROM volunteer_recipients WHERE home_community_id = \(request.communityId) AND erased_at IS NULL),
                        \(idempotencyKey), \(subject))
                """)
            // Set-based: an announcement may go to many thousands.
            try await connection.query(
                """
                WITH owed AS (
                    INSERT INTO deliveries (id, cause_id, recipient_id, channel, kind, critical, correlation_id, announcement_id)
                    SELECT gen_random_uuid(), \(id), volunteer_id, 'email', 'announcement', \(critical), \(id.uuidString.lowercased()), \(id)
                    FROM volunteer_recipients WHERE home_community_id = \(request.communityId) AND erased_at IS NULL
                    ON CONFLICT (cause_id, recipient_id, channel) DO NOTHING
                    RETURNING id
                )
                INSERT INTO timers (name, key, due_at, payload)
                SELECT \(DeliveryStore.timerName), id::text, clock_timestamp(), json_build_object('deliveryId', id::text)::text FROM owed
                """)
            return (id, true)
        }
    }

    /// The announcement's progress, or nil when there is none with this id.
    func progress(of id: UUID) async throws -> AnnouncementProgress? {
        let rows = try await postgres.query(
            """
            SELECT a.id, a.community_id, ARRAY(SELECT jsonb_object_keys(a.subjects) ORDER BY 1), a.critical, a.recipients,
                   count(d.id) FILTER (WHERE d.status IN ('queued', 'sending')), count(d.id) FILTER (WHERE d.status = 'deferred'),
                   count(d.id) FILTER (WHERE d.status = 'sent'), count(d.id) FILTER (WHERE d.status IN ('failed', 'bounced')),
                   count(d.id) FILTER (WHERE d.status = 'suppressed'), a.created_at
            FROM announcements a LEFT JOIN deliveries d ON d.announcement_id = a.id
            WHERE a.id = \(id)
            GROUP BY a.id
            """)
        guard let row = rows.first else { return nil }
        return AnnouncementProgress(
            id: try row.decode(UUID.self, at: 0), communityId: try row.decode(UUID.self, at: 1),
            languages: try row.decode([String].self, at: 2),
            critical: try row.decode(Bool.self, at: 3), recipients: try row.decode(Int.self, at: 4),
            queued: try row.decode(Int.self, at: 5),
            deferred: try row.decode(Int.self, at: 6), sent: try row.decode(Int.self, at: 7), failed: try row.decode(Int.self, at: 8),
            suppressed: try row.decode(Int.self, at: 9), createdAt: try row.decode(Date.self, at: 10))
    }
}
