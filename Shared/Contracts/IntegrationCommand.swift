/// A request addressed to one service on `p2g.commands`, from an automated workflow or an
/// operator's tool: "register this community", "run a matching".
///
/// A command travels like an event (the same properties, body coding, inbox, retries and
/// parking) but has one addressee: its type names the service that carries it out, and that
/// service's `<service>.commands` queue is bound to it.
public protocol IntegrationCommand: Codable, Sendable, Equatable {
    /// The versioned type, `<service>.<command-name>.v<N>`, which is also the routing key.
    static var commandType: MessageType { get }
}
