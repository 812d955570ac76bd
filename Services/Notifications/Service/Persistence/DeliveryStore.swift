import Foundation
import Postgres
import ServiceKit

/// The deliveries owed: one per cause, recipient and channel (a unique key), so the same event
/// delivered three times makes one delivery. Each new delivery gets a `delivery-due` timer in
/// the same transaction, which ``DeliveryDispatcher`` fires. A volunteer who turned text
/// messages on and consented to a phone number is owed a text message (SMS) too, with its own
/// `text-message-due` timer.
struct DeliveryStore: Sendable {
    /// A delivery to record.
    struct NewDelivery: Sendable {
        var causeId: UUID
        var recipientId: UUID
        var kind: NotificationKind
        var critical = false
        var correlationId: String?
        var announcementId: UUID?
        var values: [String: String] = [:]
        var instants: [String: Date] = [:]
    }

    /// What a `delivery-due` timer carries.
    struct Due: Codable, Sendable {
        var deliveryId: UUID
    }

    static let timerName = "delivery-due"
    /// The timers of text messages (SMS), which ``TextMessageDispatcher`` fires.
    static let textTimerName = "text-message-due"

    let timers: Timers

    /// Records the deliveries that are not recorded yet and sets each new one's timer, due now.
    /// Returns how many were new.
    @discardableResult
    func record(_ deliveries: [NewDelivery], on connection: PostgresConnection) async throws -> Int {
        guard !deliveries.isEmpty else { return 0 }
        let ids = deliveries.map { _ in UUID.timeOrdered() }
        let rows = try await connection.query(
            """
            INSERT INTO deliveries (id, cause_id, recipient_id, channel, kind, critical, correlation_id, announcement_id,
                                    template_values, template_instants)
            SELECT id, cause, recipient, 'email', kind, critical, NULLIF(correlation, ''), NULLIF(announcement, '')::uuid,
                   template_values::jsonb, template_instants::jsonb
            FROM unnest(\(ids)::uuid[], \(deliveries.map(\.causeId))::uuid[], \(deliveries.map(\.recipientId))::uuid[],
                        \(deliveries.map(\.kind.rawValue))::text[], \(deliveries.map(\.critical))::bool[],
                        \(deliveries.map { $0.correlationId ?? "" })::text[],
                        \(deliveries.map { $0.announcementId?.uuidString.lowercased() ?? "" })::text[],
                        \(try deliveries.map { try Self.json($0.values) })::text[], \(try deliveries.map { try Self.json($0.instants) })::text[])
                 AS d(id, cause, recipient, kind, critical, correlation, announcement, template_values, template_instants)
            ON CONFLICT (cause_id, recipient_id, channel) DO NOTHING
            RETURNING id
            """)
        let recorded = try rows.map { try $0.decode(UUID.self, at: 0) }
        let now = Date()
        for id in recorded {
            try await timers.schedule(
                Self.timerName, key: id.uuidString.lowercased(), at: now, payload: Due(deliveryId: id), on: connection)
        }
        let texted = try await connection.query(
            """
            INSERT INTO deliveries (id, cause_id, recipient_id, channel, kind, critical, correlation_id, announcement_id,
                                    template_values, template_instants)
            SELECT gen_random_uuid(), cause, recipient, 'sms', kind, critical, NULLIF(correlation, ''), NULLIF(announcement, '')::uuid,
                   template_values::jsonb, template_instants::jsonb
            FROM unnest(\(deliveries.map(\.causeId))::uuid[], \(deliveries.map(\.recipientId))::uuid[],
                        \(deliveries.map(\.kind.rawValue))::text[], \(deliveries.map(\.critical))::bool[],
                        \(deliveries.map { $0.correlationId ?? "" })::text[],
                        \(deliveries.map { $0.announcementId?.uuidString.lowercased() ?? "" })::text[],
                        \(try deliveries.map { try Self.json($0.values) })::text[], \(try deliveries.map { try Self.json($0.instants) })::text[])
                 AS d(cause, recipient, kind, critical, correlation, announcement, template_values, template_instants)
            JOIN volunteer_recipients v ON v.volunteer_id = d.recipient AND v.erased_at IS NULL AND v.phone IS NOT NULL
            JOIN volunteer_preferences p ON p.volunteer_id = d.recipient AND p.sms_enabled
            ON CONFLICT (cause_id, recipient_id, channel) DO NOTHING
            RETURNING id
            """)
        for row in texted {
            let id = try row.decode(UUID.self, at: 0)
            try await timers.schedule(
                Self.textTimerName, key: id.uuidString.lowercased(), at: now, payload: Due(deliveryId: id), on: connection)
        }
        return recorded.count
    }

    static func json<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
