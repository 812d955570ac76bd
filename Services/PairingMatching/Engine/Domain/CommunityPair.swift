/// An impacted community together with a supporting community: a candidate, a lock, a
/// prohibition or a pairing in a result.
public struct CommunityPair: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var impacted: CommunityID
    public var supporting: CommunityID

    public init(impacted: CommunityID, supporting: CommunityID) {
        self.impacted = impacted
        self.supporting = supporting
    }

    public static func < (lhs: CommunityPair, rhs: CommunityPair) -> Bool {
        (lhs.impacted, lhs.supporting) < (rhs.impacted, rhs.supporting)
    }

    public var description: String { "(\(impacted), \(supporting))" }
}
