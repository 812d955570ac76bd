/// The stable identifier of an entity of the model, such as `Participant.ID("sderot-coordinator")`.
///
/// The entity is a phantom type, so a participant's identifier cannot be passed where a venue's
/// is expected. Identifiers order by their text; every tie in the engine is broken by them.
public struct Identifier<Entity>: Sendable, Hashable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The identifier as stored and sent in messages.
    public let rawValue: String

    /// Creates an identifier from its text.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates an identifier from a literal, as tests and fixtures write them.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    public static func < (lhs: Identifier, rhs: Identifier) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public var description: String {
        rawValue
    }
}
