import Contracts
import Foundation
import Postgres
import ServiceKit
import UUIDText

/// The notifications service's recipients (read model of the registry) and the notifications
/// it owes them. A notification is recorded once per cause, recipient and channel (a unique
/// key), so it can never be sent twice for the same event; delivery comes later.
struct WelcomeNotifications: Sendable {
    static let migrations = [
        PostgresMigration(
            name: "notifications-001-recipients-and-notifications",
            sql: """
                CREATE TABLE recipients (
                    community_id uuid PRIMARY KEY,
                    name text NOT NULL,
                    email text NOT NULL,
                    language text NOT NULL,
                    time_zone text NOT NULL,
                    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
                );
                CREATE TABLE notifications (
                    id uuid PRIMARY KEY,
                    recipient_id uuid NOT NULL REFERENCES recipients (community_id),
                    channel text NOT NULL CHECK (channel IN ('email')),
                    template text NOT NULL,
                    language text NOT NULL,
                    cause_message_id uuid NOT NULL,
                    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
                    created_at timestamptz NOT NULL DEFAULT now(),
                    UNIQUE (cause_message_id, recipient_id, channel)
                );
                """),
    ]

    /// The languages notifications are written in; anything else falls back to English.
    static let supportedLanguages: Set<String> = ["he", "en", "ru", "es", "fr", "uk"]

    /// The first of the community's languages that notifications are written in.
    static func language(for preferences: [String]) -> String {
        for tag in preferences {
            let base = String(tag.split(separator: "-").first ?? "").lowercased()
            if supportedLanguages.contains(base) { return base }
        }
        return "en"
    }

    /// Records each community as a recipient, and the welcome notification it is owed because
    /// of the message that announced it.
    static func record(_ batch: [Delivered<CommunityRegistered>], on connection: PostgresConnection) async throws {
        let events = batch.map(\.event)
        let languages = events.map { language(for: $0.languages) }
        try await connection.pipeline(
            """
            INSERT INTO recipients (community_id, name, email, language, time_zone)
            SELECT * FROM unnest(\(events.map(\.communityId))::uuid[], \(events.map(\.name))::text[], \(events.map(\.contactEmail))::text[],
                                 \(languages)::text[], \(events.map(\.timeZone))::text[])
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

    /// A summary row: the recipient and its notifications (no addresses: they are personal data).
    struct Recipient: Encodable, Sendable {
        @LowercasedUUID var communityId: UUID
        var name: String
        var language: String
        var notifications: Int
    }

    static func list(_ postgres: PostgresClient, limit: Int) async throws -> (total: Int, recipients: [Recipient]) {
        let total = try await postgres.query("SELECT count(*) FROM recipients")[0].decode(Int.self, at: 0)
        let rows = try await postgres.query(
            """
            SELECT r.community_id, r.name, r.language, count(n.id) AS notifications
            FROM recipients r LEFT JOIN notifications n ON n.recipient_id = r.community_id
            GROUP BY r.community_id ORDER BY r.recorded_at, r.community_id LIMIT \(limit)
            """)
        let recipients = try rows.map { row in
            Recipient(
                communityId: try row.decode(UUID.self, "community_id"), name: try row.decode(String.self, "name"),
                language: try row.decode(String.self, "language"), notifications: try row.decode(Int.self, "notifications"))
        }
        return (total, recipients)
    }
}
