/// A service definition that cannot run as written (two handlers for one message type, two
/// timer handlers with one name): a programming error, reported at start.
public struct ServiceDefinitionError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
