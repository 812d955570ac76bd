import Contracts
import Foundation
import Postgres

/// The events a service consumes and what it does with each: its effects, written on the
/// connection of the transaction that also records the message in the inbox.
public struct EventHandlers: Sendable {
    /// Decodes a body into the work to do in the transaction; throws when it does not decode.
    typealias Decoder = @Sendable (Data) throws -> @Sendable (PostgresConnection) async throws -> Void

    private(set) var decoders: [EventType: Decoder] = [:]

    public init() {}

    /// Handles `Event` with `perform`, inside the transaction that records the message.
    public mutating func on<Event: IntegrationEvent>(
        _ type: Event.Type, perform: @escaping @Sendable (Event, PostgresConnection) async throws -> Void
    ) {
        decoders[Event.eventType] = { body in
            let event = try ContractCoding.decode(Event.self, from: body)
            return { connection in try await perform(event, connection) }
        }
    }

    /// The event types handled.
    public var eventTypes: [EventType] { decoders.keys.sorted { $0.description < $1.description } }

    /// The binding keys of the work queue: every version of each handled event, so that a
    /// version this service does not know arrives and is parked with its reason instead of
    /// silently missing.
    var bindingKeys: [String] {
        Array(Set(decoders.keys.map { "\($0.unversioned).*" })).sorted()
    }

    /// Why a type cannot be handled, naming the versions that can.
    func refusal(for type: EventType) -> String {
        let known = decoders.keys.filter { $0.unversioned == type.unversioned }.map(\.description).sorted()
        if known.isEmpty { return "this service does not handle \(type)" }
        return "unsupported version v\(type.version) of \(type.unversioned); this service handles \(known.joined(separator: ", "))"
    }
}

/// A failure that trying again cannot fix (the message contradicts the service's state, say):
/// the message is parked at once with this reason instead of being retried.
public struct PermanentFailure: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
