import Contracts
import Foundation
import Postgres

/// The events a service consumes and what it does with them.
///
/// A handler receives the new messages of a batch together, with the connection of the
/// transaction that also records them in the inbox, so that it can write its effects with one
/// set-based statement. Effects whose rows the handler does not read back go through
/// `connection.pipeline`: they reach the server together with the `COMMIT`, and the batch
/// takes one round trip to the database whatever its handlers write. A batch is first tried
/// as if all its messages were new (see `EventConsumer`); when one was handled before, the
/// handlers' work is rolled back and they see the batch again without it. So a handler has no
/// effect outside its transaction, and for the same message it does the same. When a batch
/// fails, its messages are handed over again one at a time, so that one bad message cannot
/// hold the others back.
public struct EventHandlers: Sendable {
    /// A handler with its event type erased: decodes bodies, then handles decoded events.
    struct Registration: Sendable {
        let decode: @Sendable ([UInt8]) throws -> any Sendable
        let handle: @Sendable ([(event: any Sendable, context: HandlingContext)], PostgresConnection) async throws -> Void
    }

    private(set) var registrations: [EventType: Registration] = [:]
    /// The same, by the type's name as it arrives in a message, so that the common case needs
    /// no parsing.
    private(set) var registrationsByName: [String: (type: EventType, registration: Registration)] = [:]

    public init() {}

    /// Handles `Event` with `perform`, inside the transaction that records the messages.
    public mutating func on<Event: IntegrationEvent>(
        _ type: Event.Type, perform: @escaping @Sendable ([Delivered<Event>], PostgresConnection) async throws -> Void
    ) {
        let registration = Registration(
            decode: { body in try ContractCoding.decode(Event.self, from: body) },
            handle: { items, connection in
                let batch = items.compactMap { item in (item.event as? Event).map { Delivered(event: $0, context: item.context) } }
                try await perform(batch, connection)
            })
        registrations[Event.eventType] = registration
        registrationsByName[Event.eventType.description] = (Event.eventType, registration)
    }

    /// The event types handled.
    public var eventTypes: [EventType] { registrations.keys.sorted { $0.description < $1.description } }

    /// The binding keys of the work queue: every version of each handled event, so that a
    /// version this service does not know arrives and is parked with its reason instead of
    /// silently missing.
    var bindingKeys: [String] {
        Array(Set(registrations.keys.map { "\($0.unversioned).*" })).sorted()
    }

    /// Why a type cannot be handled, naming the versions that can.
    func refusal(for type: EventType) -> String {
        let known = registrations.keys.filter { $0.unversioned == type.unversioned }.map(\.description).sorted()
        if known.isEmpty { return "this service does not handle \(type)" }
        return "unsupported version v\(type.version) of \(type.unversioned); this service handles \(known.joined(separator: ", "))"
    }
}

/// An event handed to a handler, with the message it came in.
public struct Delivered<Event: IntegrationEvent>: Sendable {
    public let event: Event
    /// The message: its id, workflow and trace, for the events the handler writes in turn
    /// (``Outbox/enqueue(_:on:causedBy:correlationID:)``).
    public let context: HandlingContext
}

/// A failure that trying again cannot fix (the message contradicts the service's state, say):
/// the message is parked at once with this reason instead of being retried.
public struct PermanentFailure: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
