/// One pairing in a result, with the score breakdown that explains it.
public struct Pairing: Hashable, Sendable {
    /// Why the pairing is in the result.
    public enum Origin: String, Hashable, Sendable {
        /// Confirmed before the run; the run had to keep it.
        case locked
        /// In the previous run's result and chosen again.
        case kept
        /// Not in the previous run's result.
        case new
    }

    public var pair: CommunityPair
    public var score: PairScore
    public var origin: Origin
    /// What the supporting community commits per year for this pairing.
    public var yearlyCommitment: Money
    /// The yearly commitment over the program's years.
    public var totalCommitment: Money

    public init(
        pair: CommunityPair, score: PairScore, origin: Origin, yearlyCommitment: Money,
        totalCommitment: Money
    ) {
        self.pair = pair
        self.score = score
        self.origin = origin
        self.yearlyCommitment = yearlyCommitment
        self.totalCommitment = totalCommitment
    }
}
