import Contracts
import Foundation
import Logging
import Postgres
import ServiceKit

/// What bounce reports do to deliveries, each in one transaction with its event: a report is
/// recorded once (the same report posted again changes nothing); a failure of an e-mail that
/// was `sent` makes it `bounced` (with every delivery of a digest it carried) and publishes
/// `notifications.delivery-failed.v1` for each; a permanent
/// one (5.x.x) also marks the volunteer's address undeliverable, so that the next e-mails to
/// it are suppressed until the address changes. A delay is recorded and changes nothing else.
struct BounceStore: Sendable {
    /// What a report did, as the route answers it (no address).
    struct Outcome: Encodable, Sendable {
        @LowercasedUUID var deliveryId: UUID
        var action: String
        var status: String
        /// The delivery's status after the report.
        var deliveryStatus: String
        /// True when the same report was posted before: nothing changed.
        var duplicate: Bool
    }

    let postgres: PostgresClient
    let outbox: Outbox
    let logger: Logger

    /// Applies `report` to the first of its candidate deliveries that is an e-mail of ours;
    /// nil when there is none.
    func record(_ report: BounceReport, at now: Date) async throws -> Outcome? {
        let candidates = report.candidates
        guard !candidates.isEmpty else { return nil }
        let outcome = try await postgres.withTransaction { connection -> Outcome? in
            let rows = try await connection.query(
                """
                SELECT id, status, recipient_id FROM deliveries
                WHERE id = ANY(\(candidates)::uuid[]) AND channel = 'email'
                ORDER BY array_position(\(candidates)::uuid[], id)
                LIMIT 1
                FOR UPDATE
                """)
            guard let row = rows.first else { return nil }
            let id = try row.decode(UUID.self, at: 0)
            let status = try row.decode(String.self, at: 1)
            var outcome = Outcome(
                deliveryId: id, action: report.action.rawValue, status: report.status, deliveryStatus: status, duplicate: false)
            let inserted = try await connection.query(
                """
                INSERT INTO delivery_reports (delivery_id, report_digest, action, status, diagnostic)
                VALUES (\(id), encode(sha256(convert_to(\(report.identity), 'UTF8')), 'hex'), \(report.action.rawValue), \(report.status),
                        \(report.diagnostic))
                ON CONFLICT (delivery_id, report_digest) DO NOTHING
                RETURNING delivery_id
                """)
            guard !inserted.isEmpty else {
                outcome.duplicate = true
                return outcome
            }
            guard report.action == .failed, status == DeliveryStatus.sent.rawValue else { return outcome }
            let recipient = try row.decode(UUID.self, at: 2)
            // The e-mail's deliveries: this one, or all those of the digest it carried.
            let parts = try await connection.query(
                """
                SELECT id, recipient_id, kind, cause_id, attempts, correlation_id FROM deliveries
                WHERE (id = \(id) OR digest_id = \(id)) AND channel = 'email' AND status = 'sent'
                ORDER BY id
                FOR UPDATE
                """
            ).map { part in
                (
                    event: DeliveryFailed(
                        deliveryId: try part.decode(UUID.self, at: 0), recipientId: try part.decode(UUID.self, at: 1), channel: "email",
                        kind: try part.decode(String.self, at: 2), causeId: try part.decode(UUID.self, at: 3),
                        attempts: try part.decode(Int.self, at: 4), permanent: report.isPermanent, replyCode: report.replyCode,
                        reason: report.summary, failedAt: now),
                    correlation: try part.decode(String?.self, at: 5)
                )
            }
            try await connection.pipeline(
                """
                UPDATE deliveries SET status = \(DeliveryStatus.bounced.rawValue), hold_reason = 'bounced', last_error = \(report.summary),
                                      updated_at = clock_timestamp()
                WHERE id = ANY(\(parts.map(\.event.deliveryId))::uuid[])
                """)
            if report.isPermanent {
                // The address the e-mail went to, unless the report names recipients and the
                // volunteer's address is none of them any more (it changed since).
                try await connection.pipeline(
                    """
                    UPDATE volunteer_recipients SET undeliverable_email = email
                    WHERE volunteer_id = \(recipient) AND email IS NOT NULL AND erased_at IS NULL
                          AND (cardinality(\(report.recipients)::text[]) = 0 OR lower(email) = ANY(\(report.recipients)::text[]))
                    """)
            }
            for (correlation, group) in Dictionary(grouping: parts, by: \.correlation) {
                try await outbox.enqueue(group.map(\.event), on: connection, correlationID: correlation)
            }
            outcome.deliveryStatus = DeliveryStatus.bounced.rawValue
            return outcome
        }
        if let outcome {
            logger.info(
                "bounce report recorded",
                metadata: [
                    "delivery": "\(outcome.deliveryId)", "action": "\(outcome.action)", "status": "\(outcome.status)",
                    "deliveryStatus": "\(outcome.deliveryStatus)", "duplicate": "\(outcome.duplicate)",
                ])
        }
        return outcome
    }
}
