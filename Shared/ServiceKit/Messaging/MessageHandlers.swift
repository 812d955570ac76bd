import Contracts
import Foundation
import Postgres

/// What a service does with one kind of event it consumes from `<service>.events`.
///
/// A handler receives the new messages of a batch together, with the connection of the
/// transaction that also records them in the inbox, so that it can write its effects with one
/// set-based statement. Effects whose rows the handler does not read back go through
/// `connection.pipeline`: they reach the server together with the `COMMIT`, and the batch
/// takes one round trip to the database whatever its handlers write. A batch is first tried
/// as if all its messages were new (see ``MessageConsumer``); when one was handled before, the
/// handlers' work is rolled back and they see the batch again without it. So a handler has no
/// effect outside its transaction, and for the same message it does the same. When a batch
/// fails, its messages are handed over again one at a time, so that one bad message cannot
/// hold the others back. Throw ``PermanentFailure`` for a message that can never succeed.
public protocol EventHandler: Sendable {
    associatedtype Event: IntegrationEvent
    func handle(_ batch: [Delivered<Event>], on connection: PostgresConnection) async throws
}

/// What a service does with one kind of command addressed to it on `<service>.commands`: the
/// same batches, transaction, inbox, retries and parking as an ``EventHandler``.
public protocol CommandHandler: Sendable {
    associatedtype Command: IntegrationCommand
    func handle(_ batch: [Delivered<Command>], on connection: PostgresConnection) async throws
}

/// The handlers of one work queue, by the message type they take.
struct MessageHandlers: Sendable {
    /// A handler with its message type erased: decodes bodies, then handles decoded messages.
    struct Registration: Sendable {
        let decode: @Sendable ([UInt8]) throws -> any Sendable
        let handle: @Sendable ([(message: any Sendable, context: HandlingContext)], PostgresConnection) async throws -> Void
    }

    private(set) var registrations: [MessageType: Registration] = [:]
    /// The same, by the type's name as it arrives in a message, so that the common case needs
    /// no parsing.
    private(set) var registrationsByName: [String: (type: MessageType, registration: Registration)] = [:]

    init() {}

    init(events handlers: [any EventHandler]) throws {
        for handler in handlers { try add(handler) }
    }

    init(commands handlers: [any CommandHandler]) throws {
        for handler in handlers { try add(handler) }
    }

    private mutating func add<Handler: EventHandler>(_ handler: Handler) throws {
        try register(Handler.Event.eventType, Handler.Event.self, handler.handle)
    }

    private mutating func add<Handler: CommandHandler>(_ handler: Handler) throws {
        try register(Handler.Command.commandType, Handler.Command.self, handler.handle)
    }

    private mutating func register<Message: Decodable & Sendable>(
        _ type: MessageType, _: Message.Type,
        _ perform: @escaping @Sendable ([Delivered<Message>], PostgresConnection) async throws -> Void
    ) throws {
        guard registrations[type] == nil else { throw ServiceDefinitionError("two handlers are registered for \(type)") }
        let registration = Registration(
            decode: { body in try MessageBody.decode(Message.self, from: body) },
            handle: { items, connection in
                let batch = items.compactMap { item in (item.message as? Message).map { Delivered(message: $0, context: item.context) } }
                try await perform(batch, connection)
            })
        registrations[type] = registration
        registrationsByName[type.description] = (type, registration)
    }

    /// The message types handled.
    var types: [MessageType] { registrations.keys.sorted { $0.description < $1.description } }

    var isEmpty: Bool { registrations.isEmpty }

    /// The binding keys of the work queue: every version of each handled type, so that a
    /// version this service does not know arrives and is parked with its reason instead of
    /// silently missing.
    var bindingKeys: [String] {
        Array(Set(registrations.keys.map { "\($0.unversioned).*" })).sorted()
    }

    /// Why a type cannot be handled, naming the versions that can.
    func refusal(for type: MessageType) -> String {
        let known = registrations.keys.filter { $0.unversioned == type.unversioned }.map(\.description).sorted()
        if known.isEmpty { return "this service does not handle \(type)" }
        return "unsupported version v\(type.version) of \(type.unversioned); this service handles \(known.joined(separator: ", "))"
    }
}

/// A message handed to a handler, with the delivery it came in.
public struct Delivered<Message: Sendable>: Sendable {
    public let message: Message
    /// The delivery: its id, workflow and trace, for the events the handler writes in turn
    /// (``Outbox/enqueue(_:on:causedBy:correlationID:)``).
    public let context: HandlingContext
}

extension Delivered where Message: IntegrationEvent {
    /// The event delivered.
    public var event: Message { message }
}

extension Delivered where Message: IntegrationCommand {
    /// The command delivered.
    public var command: Message { message }
}

/// A failure that trying again cannot fix (the message contradicts the service's state, say):
/// the message is parked at once with this reason instead of being retried.
public struct PermanentFailure: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
