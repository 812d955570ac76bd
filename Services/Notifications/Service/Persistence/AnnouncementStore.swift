import Foundation
import Postgres
import ServiceKit

/// Announcements and their deliveries: one per person of the audience who is not erased,
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
            let audience = request.target
            let community = audience.kind == "community" ? audience.id : nil
            try await connection.query(
                """
                INSERT INTO announcements (id, community_id, audience_kind, audience_id, subjects, bodies, critical, recipients,
                                           idempotency_key, created_by)
                VALUES (\(id), \(community), \(audience.kind), \(audience.id), \(PostgresJSON(request.subjects)),
                        \(PostgresJSON(request.bodies)), \(critical), 0, \(idempotencyKey), \(subject))
                """)
            // Set-based: an announcement may go to many thousands. Its people: a community's
            // volunteers, those of a partnership's current members, those holding a seat on a
            // committee today, or a program's; each gets
            // an e-mail, and a text message when they take them.
            try await connection.query(
                """
                WITH audience AS (
                    SELECT v.volunteer_id, v.phone FROM volunteer_recipients v
                    WHERE v.erased_at IS NULL AND (
                        (\(audience.kind) = 'community' AND v.home_community_id = \(audience.id))
                        OR (\(audience.kind) = 'partnership' AND v.home_community_id IN (
                                SELECT community_id FROM partnership_members
                                WHERE partnership_id = \(audience.id) AND (left_on IS NULL OR left_on > current_date)))
                        OR (\(audience.kind) = 'committee' AND v.volunteer_id IN (
                                SELECT volunteer_id FROM committee_seats
                                WHERE committee_id = \(audience.id) AND term_start <= current_date
                                  AND (term_end IS NULL OR term_end > current_date)))
                        OR (\(audience.kind) = 'program' AND v.volunteer_id IN (
                                SELECT volunteer_id FROM program_participants WHERE program_id = \(audience.id))))
                ), owed AS (
                    INSERT INTO deliveries (id, cause_id, recipient_id, channel, kind, critical, correlation_id, announcement_id)
                    SELECT gen_random_uuid(), \(id), volunteer_id, 'email', 'announcement', \(critical), \(id.uuidString.lowercased()), \(id)
                    FROM audience
                    ON CONFLICT (cause_id, recipient_id, channel) DO NOTHING
                    RETURNING id
                ), texted AS (
                    INSERT INTO deliveries (id, cause_id, recipient_id, channel, kind, critical, correlation_id, announcement_id)
                    SELECT gen_random_uuid(), \(id), a.volunteer_id, 'sms', 'announcement', \(critical), \(id.uuidString.lowercased()), \(id)
                    FROM audience a JOIN volunteer_preferences p ON p.volunteer_id = a.volunteer_id
                    WHERE a.phone IS NOT NULL AND p.sms_enabled
                    ON CONFLICT (cause_id, recipient_id, channel) DO NOTHING
                    RETURNING id
                ), timed AS (
                    INSERT INTO timers (name, key, due_at, payload)
                    SELECT \(DeliveryStore.timerName), id::text, clock_timestamp(), json_build_object('deliveryId', id::text)::text FROM owed
                    UNION ALL
                    SELECT \(DeliveryStore.textTimerName), id::text, clock_timestamp(), json_build_object('deliveryId', id::text)::text
                    FROM texted
                )
                UPDATE announcements SET recipients = (SELECT count(*) FROM owed) WHERE id = \(id)
                """)
            return (id, true)
        }
    }

    /// The announcement's progress, or nil when there is none with this id.
    func progress(of id: UUID) async throws -> AnnouncementProgress? {
        let rows = try await postgres.query(
            """
            SELECT a.id, a.audience_kind, a.audience_id, ARRAY(SELECT jsonb_object_keys(a.subjects) ORDER BY 1), a.critical, a.recipients,
                   count(d.id) FILTER (WHERE d.channel = 'email' AND d.status IN ('queued', 'sending')),
                   count(d.id) FILTER (WHERE d.channel = 'email' AND d.status = 'deferred'),
                   count(d.id) FILTER (WHERE d.channel = 'email' AND d.status = 'sent'),
                   count(d.id) FILTER (WHERE d.channel = 'email' AND d.status IN ('failed', 'bounced')),
                   count(d.id) FILTER (WHERE d.channel = 'email' AND d.status = 'suppressed'),
                   count(d.id) FILTER (WHERE d.channel = 'sms' AND d.status IN ('queued', 'sending')),
                   count(d.id) FILTER (WHERE d.channel = 'sms' AND d.status = 'deferred'),
                   count(d.id) FILTER (WHERE d.channel = 'sms' AND d.status = 'sent'),
                   count(d.id) FILTER (WHERE d.channel = 'sms' AND d.status IN ('failed', 'bounced')),
                   count(d.id) FILTER (WHERE d.channel = 'sms' AND d.status = 'suppressed'), a.created_at
            FROM announcements a LEFT JOIN deliveries d ON d.announcement_id = a.id
            WHERE a.id = \(id)
            GROUP BY a.id
            """)
        guard let row = rows.first else { return nil }
        let kind = try row.decode(String.self, at: 1)
        let audience = AnnouncementRequest.Audience(kind: kind, id: try row.decode(UUID.self, at: 2))
        func count(_ column: Int) throws -> Int { try row.decode(Int.self, at: column) }
        return AnnouncementProgress(
            id: try row.decode(UUID.self, at: 0), audience: audience,
            communityId: kind == "community" ? audience.id.uuidString.lowercased() : nil,
            languages: try row.decode([String].self, at: 3), critical: try row.decode(Bool.self, at: 4), recipients: try count(5),
            queued: try count(6), deferred: try count(7), sent: try count(8), failed: try count(9), suppressed: try count(10),
            textMessages: .init(
                queued: try count(11), deferred: try count(12), sent: try count(13), failed: try count(14), suppressed: try count(15)),
            createdAt: try row.decode(Date.self, at: 16))
    }
}
