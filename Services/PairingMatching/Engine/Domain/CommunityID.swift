/// Identifies a community (an impacted Israeli community or a supporting global one).
///
/// The engine orders communities by this id wherever order matters, so that the same input
/// always gives the same output. A lowercase UUID string, as on the wire, is a good id.
public struct CommunityID: RawRepresentable, Hashable, Comparable, Sendable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    public static func < (lhs: CommunityID, rhs: CommunityID) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public var description: String { rawValue }
}
