import Contracts
import Foundation
import Postgres
import ServiceKit
import UUIDText

/// The notifications service's recipients (read model of the registry) and the notifications
/// it owes them. A notification is recorded once per cause, recipient and channel (a unique
/// key), so it can never be sent twice for the same event; delivery comes later.
struct RecipientStore: Sendable {
    let postgres: PostgresClient

    /// Records each community as a recipient, and the welcome notification it is owed because
    /// of the message that announced it.
    func recordWelcomes(_ batch: [Delivered<CommunityRegistered>], on connection: PostgresConnection) async throws {
        let events = batch.map(\.event)
        let languages = events.map { NotificationLanguage.preferred(among: $0.languages) }
        try await connection.pipeline(
            """
            INSERT INTO recipients (community_id, name, email, language, time_zone, latitude, longitude)
            SELECT * FROM unnest(\(events.map(\.communityId))::uuid[], \(events.map(\.name))::text[], \(events.map(\.contactEmail))::text[],
                                 \(languages)::text[], \(events.map(\.timeZone))::text[], \(events.map(\.coordinates.latitude))::float8[],
                                 \(events.map(\.coordinates.longitude))::float8[])
            """)
        try await connection.pipeline(
            """
            INSERT INTO notifications (id, recipient_id, channel, template, language, cause_message_id)
            SELECT id, recipient, 'email', 'welcome', language, cause
            FROM unnest(\(batch.map { _ in UUID.timeOrdered() })::uuid[], \(events.map(\.communityId))::uuid[], \(languages)::text[],
                        \(batch.map(\.context.messageID))::uuid[])
                 AS n(id, recipient, language, cause)
            """)
    }

    /// The first `limit` recipients in the order they were recorded, and how many there are.
    func list(limit: Int) async throws -> (total: Int, recipients: [RecipientSummary]) {
        let total = try await postgres.query("SELECT count(*) FROM recipients")[0].decode(Int.self, at: 0)
        let rows = try await postgres.query(
            """
            SELECT r.community_id, r.name, r.language, count(n.id) AS notifications
            FROM recipients r LEFT JOIN notifications n ON n.recipient_id = r.community_id
            GROUP BY r.community_id ORDER BY r.recorded_at, r.community_id LIMIT \(limit)
            """)
        let recipients = try rows.map { row in
            RecipientSummary(
                communityId: try row.decode(UUID.self, "community_id"), name: try row.decode(String.self, "name"),
                language: try row.decode(String.self, "language"), notifications: try row.decode(Int.self, "notifications"))
        }
        return (total, recipients)
    }
}
