import Contracts
import Foundation
import Logging
import Postgres
import ServiceKit

/// Fires `text-message-due` timers: decides, for each text message (SMS), whether it may go now
/// under the same rules as an e-mail (consent to the phone number, preferences, Shabbat and
/// festivals at the recipient's place, quiet hours; no digest: a text message is for what
/// cannot wait) and hands it to the HTTP provider, or holds it with a new timer, all in the
/// timer's transaction. A temporary failure (5xx, timeout, unreachable) is tried again with the
/// e-mails' backoff; a refusal (4xx) fails at once; each outcome publishes its event.
struct TextMessageDispatcher: TimerHandler {
    let timerName = DeliveryStore.textTimerName
    let settings: NotificationSettings
    let provider: TextMessageProvider
    let templates: NotificationTemplates
    let links: SignedLinks
    let timers: Timers
    let outbox: Outbox
    let clock: any NotificationClock
    let logger: Logger

    /// The longest text handed to the provider; it splits it into as many SMS as it takes.
    static let maximumLength = 640

    struct Pending {
        var id: UUID
        var causeId: UUID
        var recipientId: UUID
        var kind: NotificationKind
        var critical: Bool
        var correlationId: String?
        var values: [String: String]
        var instants: [String: Date]
        var attempts: Int
        var known: Bool
        var erased: Bool
        var phone: String?
        var name: String
        var languages: [String]
        var timeZone: String
        var coordinates: (latitude: Double, longitude: Double)?
        var smsEnabled: Bool
        var mutedKinds: [String]
        var quietHours: QuietHours
        var unsubscribed: Bool
        var announcement: (subjects: [String: String], bodies: [String: String])?
    }

    func fire(_ timers: [DueTimer<DeliveryStore.Due>], on connection: PostgresConnection) async throws {
        for delivery in try await load(timers.map(\.payload.deliveryId), on: connection) {
            try await decide(delivery, on: connection)
        }
    }

    private func load(_ ids: [UUID], on connection: PostgresConnection) async throws -> [Pending] {
        let rows = try await connection.query(
            """
            SELECT d.id, d.cause_id, d.recipient_id, d.kind, d.critical, d.correlation_id, d.template_values::text, d.template_instants::text,
                   d.attempts, v.volunteer_id IS NOT NULL AS known, v.erased_at IS NOT NULL AS erased, v.phone, coalesce(v.name, '') AS name,
                   coalesce(v.languages, '{}') AS languages, coalesce(v.time_zone, 'Asia/Jerusalem') AS time_zone, c.latitude, c.longitude,
                   coalesce(p.sms_enabled, false) AS sms_enabled, coalesce(p.muted_kinds, '{}') AS muted_kinds,
                   coalesce(p.quiet_start, 1260) AS quiet_start, coalesce(p.quiet_end, 480) AS quiet_end,
                   p.unsubscribed_at IS NOT NULL AS unsubscribed, a.subjects::text AS subjects, a.bodies::text AS bodies
            FROM deliveries d
            LEFT JOIN announcements a ON a.id = d.announcement_id
            LEFT JOIN volunteer_recipients v ON v.volunteer_id = d.recipient_id
            LEFT JOIN recipients c ON c.community_id = v.home_community_id
            LEFT JOIN volunteer_preferences p ON p.volunteer_id = d.recipient_id
            WHERE d.id = ANY(\(ids)::uuid[]) AND d.channel = 'sms' AND d.status IN ('queued', 'deferred')
            ORDER BY d.id
            FOR UPDATE OF d
            """)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try rows.compactMap { row in
            guard let kind = NotificationKind(rawValue: try row.decode(String.self, "kind")) else { return nil }
            let latitude = try row.decode(Double?.self, "latitude")
            let longitude = try row.decode(Double?.self, "longitude")
            var announcement: ([String: String], [String: String])?
            if let subjects = try row.decode(String?.self, "subjects"), let bodies = try row.decode(String?.self, "bodies") {
                announcement = (
                    try decoder.decode([String: String].self, from: Data(subjects.utf8)),
                    try decoder.decode([String: String].self, from: Data(bodies.utf8))
                )
            }
            return Pending(
                id: try row.decode(UUID.self, "id"), causeId: try row.decode(UUID.self, "cause_id"),
                recipientId: try row.decode(UUID.self, "recipient_id"), kind: kind, critical: try row.decode(Bool.self, "critical"),
                correlationId: try row.decode(String?.self, "correlation_id"),
                values: try decoder.decode([String: String].self, from: Data(try row.decode(String.self, "template_values").utf8)),
                instants: try decoder.decode([String: Date].self, from: Data(try row.decode(String.self, "template_instants").utf8)),
                attempts: try row.decode(Int.self, "attempts"), known: try row.decode(Bool.self, "known"),
                erased: try row.decode(Bool.self, "erased"), phone: try row.decode(String?.self, "phone"),
                name: try row.decode(String.self, "name"), languages: try row.decode([String].self, "languages"),
                timeZone: try row.decode(String.self, "time_zone"),
                coordinates: latitude.flatMap { lat in longitude.map { (lat, $0) } },
                smsEnabled: try row.decode(Bool.self, "sms_enabled"), mutedKinds: try row.decode([String].self, "muted_kinds"),
                quietHours: QuietHours(start: try row.decode(Int.self, "quiet_start"), end: try row.decode(Int.self, "quiet_end")),
                unsubscribed: try row.decode(Bool.self, "unsubscribed"), announcement: announcement)
        }
    }

    private func decide(_ delivery: Pending, on connection: PostgresConnection) async throws {
        guard delivery.known, !delivery.erased, let phone = delivery.phone else {
            let reason = !delivery.known ? "unknown-recipient" : delivery.erased ? "erased" : "no-consented-phone"
            try await finish(delivery, status: .suppressed, reason: reason, on: connection)
            return
        }
        if !delivery.critical, delivery.unsubscribed || !delivery.smsEnabled || delivery.mutedKinds.contains(delivery.kind.rawValue) {
            try await finish(delivery, status: .suppressed, reason: "preferences", on: connection)
            return
        }
        guard provider.settings.url != nil else {
            try await finish(delivery, status: .suppressed, reason: "no-sms-provider", on: connection)
            return
        }
        let now = clock.now()
        let zone = TimeZone(identifier: delivery.timeZone) ?? TimeZone(identifier: "Asia/Jerusalem") ?? .gmt
        let calendar = RecipientPlace.calendar(timeZone: delivery.timeZone, coordinates: delivery.coordinates)
        let window = SendWindow(calendar: calendar, timeZone: zone, quietHours: delivery.quietHours, critical: delivery.critical)
        let earliest = window.earliest(from: now)
        if earliest > now {
            let reason = calendar.workStatus(at: now).isWorkForbidden ? "shabbat-or-festival" : "quiet-hours"
            try await hold(delivery, until: earliest, now: now, reason: reason, error: nil, on: connection)
            return
        }
        let links = try await self.links.links(for: delivery.recipientId)
        let rendered: NotificationTemplates.Rendered
        if let announcement = delivery.announcement {
            rendered = templates.renderAnnouncement(
                subjects: announcement.subjects, bodies: announcement.bodies, languages: delivery.languages, links: links)
        } else {
            rendered = templates.render(
                delivery.kind, languages: delivery.languages, timeZone: zone,
                values: delivery.values.merging(["name": delivery.name]) { $1 }, instants: delivery.instants, links: links)
        }
        var text = rendered.subject + "\n\n" + rendered.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count > Self.maximumLength { text = String(text.prefix(Self.maximumLength - 1)) + "…" }
        do {
            try await provider.send(
                .init(id: delivery.id.uuidString.lowercased(), to: phone, from: provider.settings.sender, text: text))
        } catch let failure as TextMessageProvider.Failure {
            let attempts = delivery.attempts + 1
            if !failure.permanent, settings.retries.allowsAnotherTry(after: attempts) {
                var retried = delivery
                retried.attempts = attempts
                let delay = settings.retries.delay(afterAttempts: attempts, jitter: Double.random(in: 0..<1))
                try await hold(retried, until: now.addingTimeInterval(delay), now: now, reason: "retry", error: failure, on: connection)
            } else {
                try await fail(delivery, attempts: attempts, failure: failure, now: now, on: connection)
            }
            return
        }
        let attempts = delivery.attempts + 1
        try await connection.pipeline(
            """
            UPDATE deliveries SET status = 'sent', attempts = \(attempts), language = \(rendered.language), not_before = NULL,
                                  hold_reason = NULL, finished_at = \(now), updated_at = clock_timestamp()
            WHERE id = \(delivery.id)
            """)
        try await outbox.enqueue(
            DeliverySucceeded(
                deliveryId: delivery.id, recipientId: delivery.recipientId, channel: "sms", kind: delivery.kind.rawValue,
                causeId: delivery.causeId, attempts: attempts, deliveredAt: now), on: connection, correlationID: delivery.correlationId)
    }

    private func hold(
        _ delivery: Pending, until instant: Date, now: Date, reason: String, error: TextMessageProvider.Failure?,
        on connection: PostgresConnection
    ) async throws {
        try await connection.pipeline(
            """
            UPDATE deliveries SET status = 'deferred', attempts = \(delivery.attempts), not_before = \(instant), hold_reason = \(reason),
                                  last_error = coalesce(\(error?.description), last_error), updated_at = clock_timestamp()
            WHERE id = \(delivery.id)
            """)
        let due = Date().addingTimeInterval(instant.timeIntervalSince(now))
        try await timers.schedule(
            timerName, key: delivery.id.uuidString.lowercased(), at: due, payload: DeliveryStore.Due(deliveryId: delivery.id),
            on: connection)
        if let error {
            logger.info(
                "text message failed for now; it is tried again",
                metadata: ["delivery": "\(delivery.id)", "attempts": "\(delivery.attempts)", "error": "\(error)"])
        }
    }

    private func fail(
        _ delivery: Pending, attempts: Int, failure: TextMessageProvider.Failure, now: Date, on connection: PostgresConnection
    ) async throws {
        var failed = delivery
        failed.attempts = attempts
        try await finish(
            failed, status: .failed, reason: failure.permanent ? "refused" : "retries-exhausted", error: failure.description, now: now,
            on: connection)
        try await outbox.enqueue(
            DeliveryFailed(
                deliveryId: delivery.id, recipientId: delivery.recipientId, channel: "sms", kind: delivery.kind.rawValue,
                causeId: delivery.causeId, attempts: attempts, permanent: failure.permanent, replyCode: failure.status,
                reason: failure.description, failedAt: now), on: connection, correlationID: delivery.correlationId)
        logger.warning(
            "text message failed for good", metadata: ["delivery": "\(delivery.id)", "attempts": "\(attempts)", "error": "\(failure)"])
    }

    private func finish(
        _ delivery: Pending, status: DeliveryStatus, reason: String, error: String? = nil, now: Date? = nil,
        on connection: PostgresConnection
    ) async throws {
        try await connection.pipeline(
            """
            UPDATE deliveries SET status = \(status.rawValue), attempts = \(delivery.attempts), hold_reason = \(reason), not_before = NULL,
                                  last_error = coalesce(\(error), last_error), finished_at = \(now ?? clock.now()),
                                  updated_at = clock_timestamp()
            WHERE id = \(delivery.id)
            """)
    }
}
