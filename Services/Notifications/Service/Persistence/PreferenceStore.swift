import Foundation
import Postgres

/// What each volunteer wants to receive: e-mail or not, their quiet hours, and whether they
/// unsubscribed from everything that is not critical.
struct PreferenceStore: Sendable {
    let postgres: PostgresClient

    /// A volunteer's preferences and the language and name their page is written with.
    struct Page: Sendable {
        var name: String
        var languages: [String]
        var emailEnabled: Bool
        var quietHours: QuietHours
        var unsubscribed: Bool
        /// The kinds of notification they turned off.
        var mutedKinds: [String]
        /// The local hour of their daily digest, when they take one.
        var digestHour: Int?
        /// Whether they take text messages (SMS) too, at their consented phone number.
        var smsEnabled = false
    }

    /// The volunteer's page, or nil when the service does not know them (or they were erased).
    func page(of volunteer: UUID) async throws -> Page? {
        let rows = try await postgres.query(
            """
            SELECT coalesce(v.name, ''), v.languages, coalesce(p.email_enabled, true), coalesce(p.quiet_start, 1260),
                   coalesce(p.quiet_end, 480), p.unsubscribed_at IS NOT NULL, coalesce(p.muted_kinds, '{}'), p.digest_hour,
                   coalesce(p.sms_enabled, false)
            FROM volunteer_recipients v LEFT JOIN volunteer_preferences p ON p.volunteer_id = v.volunteer_id
            WHERE v.volunteer_id = \(volunteer) AND v.erased_at IS NULL
            """)
        guard let row = rows.first else { return nil }
        return Page(
            name: try row.decode(String.self, at: 0), languages: try row.decode([String].self, at: 1),
            emailEnabled: try row.decode(Bool.self, at: 2),
            quietHours: QuietHours(start: try row.decode(Int.self, at: 3), end: try row.decode(Int.self, at: 4)),
            unsubscribed: try row.decode(Bool.self, at: 5), mutedKinds: try row.decode([String].self, at: 6),
            digestHour: try row.decode(Int?.self, at: 7), smsEnabled: try row.decode(Bool.self, at: 8))
    }

    /// Unsubscribes the volunteer from everything that is not critical. Returns false when the
    /// service does not know them.
    func unsubscribe(_ volunteer: UUID) async throws -> Bool {
        let rows = try await postgres.query(
            """
            INSERT INTO volunteer_preferences (volunteer_id, unsubscribed_at)
            SELECT volunteer_id, clock_timestamp() FROM volunteer_recipients WHERE volunteer_id = \(volunteer) AND erased_at IS NULL
            ON CONFLICT (volunteer_id) DO UPDATE SET unsubscribed_at = coalesce(volunteer_preferences.unsubscribed_at, excluded.unsubscribed_at),
                                                     updated_at = clock_timestamp()
            RETURNING volunteer_id
            """)
        return rows.first != nil
    }

    /// Saves the volunteer's choices. Returns false when the service does not know them.
    func save(
        _ volunteer: UUID, emailEnabled: Bool, quietHours: QuietHours, subscribed: Bool, mutedKinds: [String], digestHour: Int?,
        smsEnabled: Bool = false
    ) async throws -> Bool {
        let rows = try await postgres.query(
            """
            INSERT INTO volunteer_preferences (volunteer_id, email_enabled, quiet_start, quiet_end, muted_kinds, digest_hour, unsubscribed_at,
                                               sms_enabled)
            SELECT volunteer_id, \(emailEnabled), \(quietHours.start), \(quietHours.end), \(mutedKinds)::text[], \(digestHour)::integer,
                   CASE WHEN \(subscribed) THEN NULL ELSE clock_timestamp() END, \(smsEnabled)
            FROM volunteer_recipients WHERE volunteer_id = \(volunteer) AND erased_at IS NULL
            ON CONFLICT (volunteer_id) DO UPDATE
                SET email_enabled = excluded.email_enabled, quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end,
                    muted_kinds = excluded.muted_kinds, digest_hour = excluded.digest_hour, sms_enabled = excluded.sms_enabled,
                    unsubscribed_at = CASE WHEN \(subscribed) THEN NULL
                                           ELSE coalesce(volunteer_preferences.unsubscribed_at, clock_timestamp()) END,
                    updated_at = clock_timestamp()
            RETURNING volunteer_id
            """)
        return rows.first != nil
    }
}
