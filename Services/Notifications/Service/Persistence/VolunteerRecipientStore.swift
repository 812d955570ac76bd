import Contracts
import Foundation
import Postgres
import ServiceKit

/// The volunteers notifications may reach, as the registry announces them: their name, their
/// languages in order, their time zone, and the channels they consented to, nothing else. An
/// erased volunteer keeps only their id and when they were erased, so that an announcement of
/// theirs that arrives late stores nothing again. An e-mail address that bounced for good
/// (`undeliverable_email`, set by ``BounceStore``) is forgotten when another address replaces it.
struct VolunteerRecipientStore: Sendable {
    /// The address of the first channel of `kind` with consent given, if any.
    static func consented(_ kind: ContactChannel.Kind, in channels: [ContactChannel]) -> String? {
        channels.first { $0.kind == kind && $0.consent.given }?.address
    }

    func record(_ batch: [Delivered<VolunteerRegistered>], on connection: PostgresConnection) async throws {
        let events = batch.map(\.event)
        try await connection.pipeline(
            """
            INSERT INTO volunteer_recipients AS v (volunteer_id, name, languages, time_zone, email, phone, home_community_id, roles)
            SELECT id, name, string_to_array(languages, ','), zone, NULLIF(email, ''), NULLIF(phone, ''), home,
                   coalesce(string_to_array(NULLIF(roles, ''), ','), '{}')
            FROM unnest(\(events.map(\.volunteerId))::uuid[], \(events.map(\.name))::text[],
                        \(events.map { $0.languages.joined(separator: ",") })::text[], \(events.map(\.timeZone))::text[],
                        \(events.map { Self.consented(.email, in: $0.contactChannels) ?? "" })::text[],
                        \(events.map { Self.consented(.phone, in: $0.contactChannels) ?? "" })::text[],
                        \(events.map(\.homeCommunityId))::uuid[], \(events.map { $0.roles.joined(separator: ",") })::text[])
                 AS e(id, name, languages, zone, email, phone, home, roles)
            ON CONFLICT (volunteer_id) DO UPDATE
                SET name = excluded.name, languages = excluded.languages, time_zone = excluded.time_zone, email = excluded.email,
                    undeliverable_email = CASE WHEN lower(excluded.email) IS DISTINCT FROM lower(v.email) THEN NULL
                                               ELSE v.undeliverable_email END,
                    phone = excluded.phone, home_community_id = excluded.home_community_id, roles = excluded.roles
                WHERE v.erased_at IS NULL
            """)
    }

    func apply(_ batch: [Delivered<VolunteerUpdated>], on connection: PostgresConnection) async throws {
        for event in batch.map(\.event) {
            let changed = Set(event.changed)
            let channels = event.contactChannels ?? []
            try await connection.pipeline(
                """
                UPDATE volunteer_recipients
                SET name = CASE WHEN \(changed.contains("name")) THEN \(event.name) ELSE name END,
                    languages = CASE WHEN \(changed.contains("languages")) THEN \(event.languages ?? [])::text[] ELSE languages END,
                    time_zone = CASE WHEN \(changed.contains("timeZone")) THEN \(event.timeZone) ELSE time_zone END,
                    email = CASE WHEN \(changed.contains("contactChannels")) THEN \(Self.consented(.email, in: channels)) ELSE email END,
                    undeliverable_email = CASE
                        WHEN \(changed.contains("contactChannels"))
                             AND lower(\(Self.consented(.email, in: channels))::text) IS DISTINCT FROM lower(email) THEN NULL
                        ELSE undeliverable_email END,
                    phone = CASE WHEN \(changed.contains("contactChannels")) THEN \(Self.consented(.phone, in: channels)) ELSE phone END,
                    roles = CASE WHEN \(changed.contains("roles")) THEN \(event.roles ?? [])::text[] ELSE roles END
                WHERE volunteer_id = \(event.volunteerId) AND erased_at IS NULL
                """)
        }
    }

    func erase(_ batch: [Delivered<VolunteerErased>], on connection: PostgresConnection) async throws {
        let events = batch.map(\.event)
        try await connection.pipeline(
            """
            INSERT INTO volunteer_recipients (volunteer_id, languages, erased_at)
            SELECT id, '{}', at FROM unnest(\(events.map(\.volunteerId))::uuid[], \(events.map(\.erasedAt))::timestamptz[]) AS e(id, at)
            ON CONFLICT (volunteer_id) DO UPDATE
                SET name = NULL, languages = '{}', time_zone = NULL, email = NULL, phone = NULL, roles = '{}', erased_at = excluded.erased_at,
                    undeliverable_email = NULL
            """)
    }
}
