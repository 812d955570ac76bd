/// How a result differs from the previous run's pairings.
public struct PairingChanges: Hashable, Sendable {
    /// Previous pairs that are in the result again.
    public var kept: [CommunityPair]
    /// Pairs in the result that were not in the previous run.
    public var added: [CommunityPair]
    /// Previous pairs that are not in the result, including those whose communities left.
    public var removed: [CommunityPair]

    public init(kept: [CommunityPair], added: [CommunityPair], removed: [CommunityPair]) {
        self.kept = kept
        self.added = added
        self.removed = removed
    }
}
