import Contracts
import Foundation
import Logging
import Postgres
import SMTP
import ServiceKit

/// Fires `delivery-due` timers: decides, for each delivery, whether it may go now (the
/// recipient's address and consent, their preferences, Shabbat and festivals at their place,
/// their quiet hours) and sends it, or holds it with a new timer, all in the timer's
/// transaction: the status, the attempt, the event and the next timer commit together.
///
/// The one window this leaves: the relay took the message and the process died before the
/// `COMMIT`. The timer then fires again and the message goes again, with the same Message-ID
/// (the delivery's id), so that the recipient's mail system can see it is the same message.
struct DeliveryDispatcher: TimerHandler {
    let timerName = DeliveryStore.timerName
    let settings: NotificationSettings
    let smtp: SMTPClient
    let rateLimit: RelayRateLimit
    let templates: NotificationTemplates
    let links: SignedLinks
    let timers: Timers
    let outbox: Outbox
    let clock: any NotificationClock
    let logger: Logger

    /// A delivery as it is about to be decided, with its recipient and their preferences.
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
        var email: String?
        var name: String
        var languages: [String]
        var timeZone: String
        var coordinates: (latitude: Double, longitude: Double)?
        var emailEnabled: Bool
        var mutedKinds: [String]
        var quietHours: QuietHours
        var unsubscribed: Bool
        /// The local hour of their daily digest, when they take one.
        var digestHour: Int?
        /// Why it was held last (`digest`: it waits for the volunteer's digest).
        var holdReason: String?
        /// For an announcement: its subject and body by language.
        var announcement: (subjects: [String: String], bodies: [String: String])?
    }

    func fire(_ timers: [DueTimer<DeliveryStore.Due>], on connection: PostgresConnection) async throws {
        let pending = try await load(timers.map(\.payload.deliveryId), on: connection)
        // A digest sends the volunteer's other held deliveries too: they are not decided again.
        var handled = Set<UUID>()
        for delivery in pending where !handled.contains(delivery.id) {
            handled.formUnion(try await decide(delivery, on: connection))
        }
    }

    private func load(_ ids: [UUID], on connection: PostgresConnection) async throws -> [Pending] {
        let rows = try await connection.query(
            """
            SELECT d.id, d.cause_id, d.recipient_id, d.kind, d.critical, d.correlation_id, d.template_values::text, d.template_instants::text,
                   d.attempts, v.volunteer_id IS NOT NULL AS known, v.erased_at IS NOT NULL AS erased, v.email, coalesce(v.name, '') AS name,
                   coalesce(v.languages, '{}') AS languages, coalesce(v.time_zone, 'Asia/Jerusalem') AS time_zone, c.latitude, c.longitude,
                   coalesce(p.email_enabled, true) AS email_enabled, coalesce(p.muted_kinds, '{}') AS muted_kinds,
                   coalesce(p.quiet_start, 1260) AS quiet_start, coalesce(p.quiet_end, 480) AS quiet_end,
                   p.unsubscribed_at IS NOT NULL AS unsubscribed, p.digest_hour, d.hold_reason, a.subjects::text AS subjects, a.bodies::text AS bodies
            FROM deliveries d
            LEFT JOIN announcements a ON a.id = d.announcement_id
            LEFT JOIN volunteer_recipients v ON v.volunteer_id = d.recipient_id
            LEFT JOIN recipients c ON c.community_id = v.home_community_id
            LEFT JOIN volunteer_preferences p ON p.volunteer_id = d.recipient_id
            WHERE d.id = ANY(\(ids)::uuid[]) AND d.status IN ('queued', 'deferred')
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
                erased: try row.decode(Bool.self, "erased"), email: try row.decode(String?.self, "email"),
                name: try row.decode(String.self, "name"), languages: try row.decode([String].self, "languages"),
                timeZone: try row.decode(String.self, "time_zone"),
                coordinates: latitude.flatMap { lat in longitude.map { (lat, $0) } },
                emailEnabled: try row.decode(Bool.self, "email_enabled"), mutedKinds: try row.decode([String].self, "muted_kinds"),
                quietHours: QuietHours(start: try row.decode(Int.self, "quiet_start"), end: try row.decode(Int.self, "quiet_end")),
                unsubscribed: try row.decode(Bool.self, "unsubscribed"), digestHour: try row.decode(Int?.self, "digest_hour"),
                holdReason: try row.decode(String?.self, "hold_reason"), announcement: announcement)
        }
    }

    /// Decides one delivery; returns the ids it settled (more than its own for a digest).
    private func decide(_ delivery: Pending, on connection: PostgresConnection) async throws -> Set<UUID> {
        // Nobody to write to: an erased volunteer, one who gave no consent for e-mail, or one
        // the registry never announced.
        guard delivery.known, !delivery.erased, let address = delivery.email else {
            let reason = !delivery.known ? "unknown-recipient" : delivery.erased ? "erased" : "no-consented-address"
            try await finish(delivery, status: .suppressed, reason: reason, on: connection)
            return [delivery.id]
        }
        if !delivery.critical,
            delivery.unsubscribed || !delivery.emailEnabled || delivery.mutedKinds.contains(delivery.kind.rawValue)
        {
            try await finish(delivery, status: .suppressed, reason: "preferences", on: connection)
            return [delivery.id]
        }
        let now = clock.now()
        let zone = TimeZone(identifier: delivery.timeZone) ?? TimeZone(identifier: "Asia/Jerusalem") ?? .gmt
        let inDigest = !delivery.critical && delivery.digestHour != nil && delivery.kind != .volunteerWelcome
        if inDigest, delivery.holdReason != "digest", let hour = delivery.digestHour {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let next =
                calendar.nextDate(after: now, matching: DateComponents(hour: hour, minute: 0, second: 0), matchingPolicy: .nextTime)
                ?? now.addingTimeInterval(86_400)
            try await hold(delivery, until: next, now: now, reason: "digest", error: nil, on: connection)
            return [delivery.id]
        }
        let calendar = RecipientPlace.calendar(timeZone: delivery.timeZone, coordinates: delivery.coordinates)
        let window = SendWindow(calendar: calendar, timeZone: zone, quietHours: delivery.quietHours, critical: delivery.critical)
        let earliest = window.earliest(from: now)
        if earliest > now {
            let reason =
                inDigest ? "digest" : calendar.workStatus(at: now).isWorkForbidden ? "shabbat-or-festival" : "quiet-hours"
            try await hold(delivery, until: earliest, now: now, reason: reason, error: nil, on: connection)
            return [delivery.id]
        }
        var batch = [delivery]
        if inDigest {
            // The digest's hour: everything else held for it goes in the same e-mail.
            let others = try await connection.query(
                """
                SELECT id FROM deliveries
                WHERE recipient_id = \(delivery.recipientId) AND status = 'deferred' AND hold_reason = 'digest' AND not_before <= \(now)
                      AND id <> \(delivery.id)
                ORDER BY id FOR UPDATE SKIP LOCKED
                """
            ).map { try $0.decode(UUID.self, at: 0) }
            batch += try await load(others, on: connection)
        }
        try await send(batch, to: address, zone: zone, now: now, on: connection)
        return Set(batch.map(\.id))
    }

    /// Sends `batch` (one delivery, or a digest of several to the same volunteer) as one e-mail.
    private func send(_ batch: [Pending], to address: String, zone: TimeZone, now: Date, on connection: PostgresConnection) async throws {
        guard let delivery = batch.first else { return }
        let links = try await self.links.links(for: delivery.recipientId)
        let parts = batch.map { render($0, zone: zone, links: links) }
        let rendered =
            parts.count == 1 ? parts[0] : templates.renderDigest(parts, languages: delivery.languages, links: links)
        let message = MailMessage(
            from: settings.sender, fromName: settings.senderName, to: address, subject: rendered.subject, date: now,
            messageID: "<\(delivery.id.uuidString.lowercased())@notifications.p2g>", language: rendered.language,
            plainText: rendered.text, html: rendered.html, unsubscribeURL: links.unsubscribe)
        do {
            try await rateLimit.acquire()
            try await smtp.send(from: settings.sender, to: address, message: message.rendered())
        } catch let error as SMTPError where error.code == .permanent {
            for part in batch { try await fail(part, attempts: part.attempts + 1, permanent: true, error: error, now: now, on: connection) }
            return
        } catch let error as SMTPError {
            for part in batch {
                let attempts = part.attempts + 1
                if settings.retries.allowsAnotherTry(after: attempts) {
                    let delay = settings.retries.delay(afterAttempts: attempts, jitter: Double.random(in: 0..<1))
                    var retried = part
                    retried.attempts = attempts
                    let reason = batch.count > 1 ? "digest" : "retry"
                    try await hold(retried, until: now.addingTimeInterval(delay), now: now, reason: reason, error: error, on: connection)
                } else {
                    try await fail(part, attempts: attempts, permanent: false, error: error, now: now, on: connection)
                }
            }
            return
        }
        for part in batch { try await recordSent(part, language: rendered.language, now: now, on: connection) }
    }

    private func render(_ delivery: Pending, zone: TimeZone, links: (preferences: String, unsubscribe: String))
        -> NotificationTemplates.Rendered
    {
        if let announcement = delivery.announcement {
            return templates.renderAnnouncement(
                subjects: announcement.subjects, bodies: announcement.bodies, languages: delivery.languages, links: links)
        }
        return templates.render(
            delivery.kind, languages: delivery.languages, timeZone: zone, values: delivery.values.merging(["name": delivery.name]) { $1 },
            instants: delivery.instants, links: links)
    }

    private func recordSent(_ delivery: Pending, language: String, now: Date, on connection: PostgresConnection) async throws {
        let attempts = delivery.attempts + 1
        try await connection.pipeline(
            """
            UPDATE deliveries SET status = 'sent', attempts = \(attempts), language = \(language), not_before = NULL, hold_reason = NULL,
                                  finished_at = \(now), updated_at = clock_timestamp()
            WHERE id = \(delivery.id)
            """)
        try await outbox.enqueue(
            DeliverySucceeded(
                deliveryId: delivery.id, recipientId: delivery.recipientId, channel: "email", kind: delivery.kind.rawValue,
                causeId: delivery.causeId, attempts: attempts, deliveredAt: now), on: connection, correlationID: delivery.correlationId)
    }

    /// Holds the delivery until `instant` (domain time) with a timer due as far from now on the
    /// system's clock.
    private func hold(
        _ delivery: Pending, until instant: Date, now: Date, reason: String, error: SMTPError?, on connection: PostgresConnection
    ) async throws {
        try await connection.pipeline(
            """
            UPDATE deliveries SET status = 'deferred', attempts = \(delivery.attempts), not_before = \(instant), hold_reason = \(reason),
                                  last_error = coalesce(\(error?.description), last_error), updated_at = clock_timestamp()
            WHERE id = \(delivery.id)
            """)
        let due = Date().addingTimeInterval(instant.timeIntervalSince(now))
        try await timers.schedule(
            DeliveryStore.timerName, key: delivery.id.uuidString.lowercased(), at: due, payload: DeliveryStore.Due(deliveryId: delivery.id),
            on: connection)
        if let error {
            logger.info(
                "delivery failed for now; it is tried again",
                metadata: ["delivery": "\(delivery.id)", "attempts": "\(delivery.attempts)", "error": "\(error)"])
        }
    }

    private func fail(
        _ delivery: Pending, attempts: Int, permanent: Bool, error: SMTPError, now: Date, on connection: PostgresConnection
    ) async throws {
        var failed = delivery
        failed.attempts = attempts
        try await finish(
            failed, status: .failed, reason: permanent ? "refused" : "retries-exhausted", error: error, now: now, on: connection)
        try await outbox.enqueue(
            DeliveryFailed(
                deliveryId: delivery.id, recipientId: delivery.recipientId, channel: "email", kind: delivery.kind.rawValue,
                causeId: delivery.causeId, attempts: attempts, permanent: permanent, replyCode: error.replyCode,
                reason: error.description, failedAt: now), on: connection, correlationID: delivery.correlationId)
        logger.warning(
            "delivery failed for good", metadata: ["delivery": "\(delivery.id)", "attempts": "\(attempts)", "error": "\(error)"])
    }

    private func finish(
        _ delivery: Pending, status: DeliveryStatus, reason: String, error: SMTPError? = nil, now: Date? = nil,
        on connection: PostgresConnection
    ) async throws {
        try await connection.pipeline(
            """
            UPDATE deliveries SET status = \(status.rawValue), attempts = \(delivery.attempts), hold_reason = \(reason), not_before = NULL,
                                  last_error = coalesce(\(error?.description), last_error), finished_at = \(now ?? clock.now()),
                                  updated_at = clock_timestamp()
            WHERE id = \(delivery.id)
            """)
    }
}
