import Contracts
import Foundation
import Postgres
import UUIDText

/// Writes events to the outbox table inside the caller's transaction, so that an event exists
/// if and only if the state change that caused it committed. The ``OutboxRelay`` publishes it.
public struct Outbox: Sendable {
    /// The producing service's short name, sent as `app_id`.
    public let service: String

    public init(service: String) {
        self.service = service
    }

    /// Records `event` for publishing on `p2g.events` once the transaction commits, and returns
    /// its message id.
    ///
    /// An event written while handling a message (`causedBy`) belongs to that message's
    /// workflow (its correlation id) and trace, with the message as its cause. Otherwise the
    /// correlation id is the one given, or the event's own message id (a new workflow), and the
    /// trace is the current one (the HTTP request's).
    @discardableResult
    public func enqueue<Event: IntegrationEvent>(
        _ event: Event, on connection: PostgresConnection, causedBy cause: HandlingContext? = nil, correlationID: String? = nil
    ) async throws -> UUID {
        try await enqueue([event], on: connection, causedBy: cause, correlationID: correlationID)[0]
    }

    /// Records several events of one type in one statement; returns their message ids in order.
    /// The statement is pipelined (`PostgresConnection.pipeline`): it reaches the server with
    /// the transaction's next statement or with its `COMMIT`, which throws what it causes.
    @discardableResult
    public func enqueue<Event: IntegrationEvent>(
        _ events: [Event], on connection: PostgresConnection, causedBy cause: HandlingContext? = nil, correlationID: String? = nil
    ) async throws -> [UUID] {
        guard !events.isEmpty else { return [] }
        let correlation = correlationID ?? cause?.correlationID
        let causation = cause?.messageID.lowercasedText
        let traceparent = (cause?.trace ?? TraceContext.current)?.child().traceparent
        var messageIDs: [UUID] = []
        var bodies: [String] = []
        var correlations: [String] = []
        messageIDs.reserveCapacity(events.count)
        bodies.reserveCapacity(events.count)
        for event in events {
            let messageID = UUID.timeOrdered()
            messageIDs.append(messageID)
            bodies.append(String(decoding: try ContractCoding.encode(event), as: UTF8.self))
            correlations.append(correlation ?? messageID.lowercasedText)
        }
        let type = Event.eventType.description
        try await connection.pipeline(
            """
            INSERT INTO outbox (message_id, exchange, routing_key, message_type, body, correlation_id, causation_id, traceparent)
            SELECT message_id, \(MessagingNames.eventsExchange), \(type), \(type), body, correlation_id, \(causation), \(traceparent)
            FROM unnest(\(messageIDs)::uuid[], \(bodies)::text[], \(correlations)::text[]) AS e(message_id, body, correlation_id)
            """)
        return messageIDs
    }
}
