/// The outcome of one matching run, with everything needed to explain it.
public struct PairingResult: Hashable, Sendable {
    public var mode: PairingMode
    /// The pairings, ordered by impacted then supporting id.
    public var pairings: [Pairing]
    /// Impacted communities with missing partners and supporting communities with no pairing,
    /// impacted first, each in id order.
    public var unpaired: [UnpairedCommunity]
    /// Pairs that would rather be together than with some of their partners in this result.
    public var blockingPairs: [BlockingPair]
    /// Room and budget left per supporting community, in id order.
    public var capacityUse: [SupportingCapacityUse]
    public var changes: PairingChanges
    /// The sum of the pairings' scores.
    public var totalScore: ScorePoints

    public init(
        mode: PairingMode, pairings: [Pairing], unpaired: [UnpairedCommunity],
        blockingPairs: [BlockingPair], capacityUse: [SupportingCapacityUse],
        changes: PairingChanges, totalScore: ScorePoints
    ) {
        self.mode = mode
        self.pairings = pairings
        self.unpaired = unpaired
        self.blockingPairs = blockingPairs
        self.capacityUse = capacityUse
        self.changes = changes
        self.totalScore = totalScore
    }

    /// The pairs, without their explanations.
    public var pairs: [CommunityPair] { pairings.map(\.pair) }
}
