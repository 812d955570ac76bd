import Contracts
import Foundation
import JewishCalendar
import Logging
import Postgres
import SMTP
import ServiceKit

/// Fires `delivery-due` timers: decides, for each delivery, whether it may go now (the
/// recipient's address and consent, their preferences, Shabbat and festivals at their place,
/// their quiet hours) and sends it, or holds it with a new timer, all in the timer's
/// transaction: the status, the attempt, the event and the next timer commit together.
///
/// A batch of timers is decided first; the messages it sends are then rendered and handed to the
/// relay together, as many at once as the SMTP client has connections (each on a thread of its
/// own), and their statuses and events are written with one statement each for the whole batch.
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
        /// A permanent bounce came back from their address, which has not changed since.
        var undeliverable: Bool
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

    /// A message ready to go: the deliveries it settles (one, or a digest's several), to whom.
    struct Outgoing: Sendable {
        var batch: [Pending]
        var address: String
        var zone: TimeZone
    }

    /// What became of a message handed to the relay.
    enum Outcome: Sendable {
        case sent(language: String)
        case refused(SMTPError)
        case failedForNow(SMTPError)
    }

    func fire(_ timers: [DueTimer<DeliveryStore.Due>], on connection: PostgresConnection) async throws {
        let pending = try await load(timers.map(\.payload.deliveryId), on: connection)
        let now = clock.now()
        // A digest sends the volunteer's other held deliveries too: they are not decided again.
        var handled = Set<UUID>()
        var outgoing: [Outgoing] = []
        var windows: [String: (ObservanceCalendar, Date)] = [:]
        for delivery in pending where !handled.contains(delivery.id) {
            if let message = try await decide(delivery, now: now, windows: &windows, on: connection) {
                handled.formUnion(message.batch.map(\.id))
                outgoing.append(message)
            } else {
                handled.insert(delivery.id)
            }
        }
        let outcomes = try await send(outgoing, now: now)
        try await record(outcomes, now: now, on: connection)
    }

    private func load(_ ids: [UUID], on connection: PostgresConnection) async throws -> [Pending] {
        let rows = try await connection.query(
            """
            SELECT d.id, d.cause_id, d.recipient_id, d.kind, d.critical, d.correlation_id, d.template_values::text, d.template_instants::text,
                   d.attempts, v.volunteer_id IS NOT NULL AS known, v.erased_at IS NOT NULL AS erased, v.email,
                   coalesce(lower(v.undeliverable_email) = lower(v.email), false) AS undeliverable, coalesce(v.name, '') AS name,
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
        // The deliveries of one announcement share its subjects and bodies: decoded once a batch.
        var texts: [String: [String: String]] = ["{}": [:]]
        func strings(_ json: String) throws -> [String: String] {
            if let known = texts[json] { return known }
            let decoded = try decoder.decode([String: String].self, from: Data(json.utf8))
            texts[json] = decoded
            return decoded
        }
        return try rows.compactMap { row in
            guard let kind = NotificationKind(rawValue: try row.decode(String.self, "kind")) else { return nil }
            let latitude = try row.decode(Double?.self, "latitude")
            let longitude = try row.decode(Double?.self, "longitude")
            var announcement: ([String: String], [String: String])?
            if let subjects = try row.decode(String?.self, "subjects"), let bodies = try row.decode(String?.self, "bodies") {
                announcement = (try strings(subjects), try strings(bodies))
            }
            return Pending(
                id: try row.decode(UUID.self, "id"), causeId: try row.decode(UUID.self, "cause_id"),
                recipientId: try row.decode(UUID.self, "recipient_id"), kind: kind, critical: try row.decode(Bool.self, "critical"),
                correlationId: try row.decode(String?.self, "correlation_id"),
                values: try strings(try row.decode(String.self, "template_values")),
                instants: try Self.instants(try row.decode(String.self, "template_instants"), decoder: decoder),
                attempts: try row.decode(Int.self, "attempts"), known: try row.decode(Bool.self, "known"),
                erased: try row.decode(Bool.self, "erased"), email: try row.decode(String?.self, "email"),
                undeliverable: try row.decode(Bool.self, "undeliverable"),
                name: try row.decode(String.self, "name"), languages: try row.decode([String].self, "languages"),
                timeZone: try row.decode(String.self, "time_zone"),
                coordinates: latitude.flatMap { lat in longitude.map { (lat, $0) } },
                emailEnabled: try row.decode(Bool.self, "email_enabled"), mutedKinds: try row.decode([String].self, "muted_kinds"),
                quietHours: QuietHours(start: try row.decode(Int.self, "quiet_start"), end: try row.decode(Int.self, "quiet_end")),
                unsubscribed: try row.decode(Bool.self, "unsubscribed"), digestHour: try row.decode(Int?.self, "digest_hour"),
                holdReason: try row.decode(String?.self, "hold_reason"), announcement: announcement)
        }
    }

    static func instants(_ json: String, decoder: JSONDecoder) throws -> [String: Date] {
        json == "{}" ? [:] : try decoder.decode([String: Date].self, from: Data(json.utf8))
    }

    /// Decides one delivery: settles it (suppressed, or held for later) and returns nil, or
    /// returns the message to send now (with a digest's other deliveries when it is one).
    private func decide(
        _ delivery: Pending, now: Date, windows: inout [String: (ObservanceCalendar, Date)], on connection: PostgresConnection
    ) async throws -> Outgoing? {
        // Nobody to write to: an erased volunteer, one who gave no consent for e-mail, or one
        // the registry never announced.
        guard delivery.known, !delivery.erased, let address = delivery.email else {
            let reason = !delivery.known ? "unknown-recipient" : delivery.erased ? "erased" : "no-consented-address"
            try await finish(delivery, status: .suppressed, reason: reason, on: connection)
            return nil
        }
        // Their address bounced for good: not even a critical notice can reach it.
        if delivery.undeliverable {
            try await finish(delivery, status: .suppressed, reason: "undeliverable-address", on: connection)
            return nil
        }
        if !delivery.critical,
            delivery.unsubscribed || !delivery.emailEnabled || delivery.mutedKinds.contains(delivery.kind.rawValue)
        {
            try await finish(delivery, status: .suppressed, reason: "preferences", on: connection)
            return nil
        }
        let zone = TimeZone(identifier: delivery.timeZone) ?? TimeZone(identifier: "Asia/Jerusalem") ?? .gmt
        let inDigest = !delivery.critical && delivery.digestHour != nil && delivery.kind != .volunteerWelcome
        if inDigest, delivery.holdReason != "digest", let hour = delivery.digestHour {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let next =
                calendar.nextDate(after: now, matching: DateComponents(hour: hour, minute: 0, second: 0), matchingPolicy: .nextTime)
                ?? now.addingTimeInterval(86_400)
            try await hold(delivery, until: next, now: now, reason: "digest", error: nil, on: connection)
            return nil
        }
        // Recipients of one place and the same hours share their window: an announcement to a
        // community computes its Shabbat and quiet hours once a batch, not once a recipient.
        let place =
            "\(delivery.timeZone) \(delivery.coordinates.map { "\($0.latitude),\($0.longitude)" } ?? "-") "
            + "\(delivery.quietHours.start)-\(delivery.quietHours.end) \(delivery.critical)"
        let calendar: ObservanceCalendar
        let earliest: Date
        if let known = windows[place] {
            (calendar, earliest) = known
        } else {
            calendar = RecipientPlace.calendar(timeZone: delivery.timeZone, coordinates: delivery.coordinates)
            let window = SendWindow(calendar: calendar, timeZone: zone, quietHours: delivery.quietHours, critical: delivery.critical)
            earliest = window.earliest(from: now)
            windows[place] = (calendar, earliest)
        }
        if earliest > now {
            let reason =
                inDigest ? "digest" : calendar.workStatus(at: now).isWorkForbidden ? "shabbat-or-festival" : "quiet-hours"
            try await hold(delivery, until: earliest, now: now, reason: reason, error: nil, on: connection)
            return nil
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
        return Outgoing(batch: batch, address: address, zone: zone)
    }

    /// Renders and hands the messages to the relay, as many at once as it has connections;
    /// returns what became of each, in no particular order.
    private func send(_ outgoing: [Outgoing], now: Date) async throws -> [(Outgoing, Outcome)] {
        guard !outgoing.isEmpty else { return [] }
        let drafts = announcementDrafts(outgoing)
        return try await withThrowingTaskGroup(of: (Outgoing, Outcome).self) { group in
            // At most twice the connections rendered and waiting at once: the rest of the batch
            // is rendered as connections free up, so memory does not grow with the batch.
            let inFlight = max(1, 2 * smtp.connections)
            var outcomes: [(Outgoing, Outcome)] = []
            outcomes.reserveCapacity(outgoing.count)
            for (index, message) in outgoing.enumerated() {
                if index >= inFlight, let outcome = try await group.next() { outcomes.append(outcome) }
                group.addTask { (message, try await self.send(message, now: now, drafts: drafts)) }
            }
            for try await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
    }

    /// Sends one message (one delivery, or a digest of several to the same volunteer).
    private func send(_ message: Outgoing, now: Date, drafts: [String: AnnouncementDraft]) async throws -> Outcome {
        guard let delivery = message.batch.first else { return .sent(language: "en") }
        let links = try await self.links.links(for: delivery.recipientId)
        let rendered: NotificationTemplates.Rendered
        if message.batch.count == 1, let key = Self.draftKey(delivery), let draft = drafts[key] {
            rendered = draft.with(links)
        } else {
            let parts = message.batch.map { render($0, zone: message.zone, links: links) }
            rendered = parts.count == 1 ? parts[0] : templates.renderDigest(parts, languages: delivery.languages, links: links)
        }
        let mail = MailMessage(
            from: settings.sender, fromName: settings.senderName, to: message.address, subject: rendered.subject, date: now,
            messageID: MailMessage.messageID(for: delivery.id), language: rendered.language,
            plainText: rendered.text, html: rendered.html, unsubscribeURL: links.unsubscribe)
        do {
            try await rateLimit.acquire()
            // The envelope sender names the delivery (VERP): a bounce that comes back to it says
            // which e-mail it is about.
            try await smtp.send(from: settings.returnPath.address(for: delivery.id), to: message.address, message: mail.rendered())
            return .sent(language: rendered.language)
        } catch let error as SMTPError where error.code == .permanent {
            return .refused(error)
        } catch let error as SMTPError {
            return .failedForNow(error)
        }
    }

    /// Writes what became of the messages: the sent ones' statuses and events with one
    /// statement each for the whole batch; a refusal fails its deliveries, a temporary failure
    /// holds them for another try or, after the last, fails them.
    private func record(_ outcomes: [(Outgoing, Outcome)], now: Date, on connection: PostgresConnection) async throws {
        var sent: [(delivery: Pending, language: String, digest: UUID?)] = []
        for (message, outcome) in outcomes {
            switch outcome {
            case .sent(let language):
                // A digest's deliveries remember the one whose id the e-mail carried, which a
                // bounce names.
                let digest = message.batch.count > 1 ? message.batch.first?.id : nil
                sent += message.batch.map { ($0, language, digest) }
            case .refused(let error):
                for part in message.batch {
                    try await fail(part, attempts: part.attempts + 1, permanent: true, error: error, now: now, on: connection)
                }
            case .failedForNow(let error):
                for part in message.batch {
                    let attempts = part.attempts + 1
                    if settings.retries.allowsAnotherTry(after: attempts) {
                        let delay = settings.retries.delay(afterAttempts: attempts, jitter: Double.random(in: 0..<1))
                        var retried = part
                        retried.attempts = attempts
                        let reason = message.batch.count > 1 ? "digest" : "retry"
                        try await hold(
                            retried, until: now.addingTimeInterval(delay), now: now, reason: reason, error: error, on: connection)
                    } else {
                        try await fail(part, attempts: attempts, permanent: false, error: error, now: now, on: connection)
                    }
                }
            }
        }
        try await recordSent(sent, now: now, on: connection)
    }

    /// The batch's announcements rendered once for each of their languages (see
    /// ``AnnouncementDraft``), by ``draftKey(_:)``.
    private func announcementDrafts(_ outgoing: [Outgoing]) -> [String: AnnouncementDraft] {
        var drafts: [String: AnnouncementDraft] = [:]
        for message in outgoing where message.batch.count == 1 {
            guard let delivery = message.batch.first, let key = Self.draftKey(delivery), drafts[key] == nil,
                let announcement = delivery.announcement
            else { continue }
            drafts[key] = AnnouncementDraft(
                templates.renderAnnouncement(
                    subjects: announcement.subjects, bodies: announcement.bodies, languages: delivery.languages,
                    links: AnnouncementDraft.placeholders))
        }
        return drafts
    }

    /// An announcement's draft for a delivery: its announcement (the cause) and the language
    /// the recipient reads it in; nil for other kinds.
    static func draftKey(_ delivery: Pending) -> String? {
        guard let announcement = delivery.announcement else { return nil }
        let language = AnnouncementRequest.language(for: delivery.languages, among: Set(announcement.subjects.keys))
        return "\(delivery.causeId.uuidString) \(language)"
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

    private func recordSent(
        _ sent: [(delivery: Pending, language: String, digest: UUID?)], now: Date, on connection: PostgresConnection
    ) async throws {
        guard !sent.isEmpty else { return }
        try await connection.pipeline(
            """
            UPDATE deliveries d SET status = 'sent', attempts = s.attempts, language = s.language, not_before = NULL, hold_reason = NULL,
                                    finished_at = \(now), updated_at = clock_timestamp()
            FROM unnest(\(sent.map(\.delivery.id))::uuid[], \(sent.map { Int32($0.delivery.attempts + 1) })::int4[],
                        \(sent.map(\.language))::text[]) AS s(id, attempts, language)
            WHERE d.id = s.id
            """)
        let digested = sent.compactMap { part in part.digest.map { (part.delivery.id, $0) } }
        if !digested.isEmpty {
            try await connection.pipeline(
                """
                UPDATE deliveries d SET digest_id = s.digest
                FROM unnest(\(digested.map(\.0))::uuid[], \(digested.map(\.1))::uuid[]) AS s(id, digest)
                WHERE d.id = s.id
                """)
        }
        // One statement for each workflow the batch belongs to (an announcement is one).
        for (correlationId, group) in Dictionary(grouping: sent, by: \.delivery.correlationId) {
            try await outbox.enqueue(
                group.map { part in
                    DeliverySucceeded(
                        deliveryId: part.delivery.id, recipientId: part.delivery.recipientId, channel: "email",
                        kind: part.delivery.kind.rawValue, causeId: part.delivery.causeId, attempts: part.delivery.attempts + 1,
                        deliveredAt: now)
                }, on: connection, correlationID: correlationId)
        }
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
