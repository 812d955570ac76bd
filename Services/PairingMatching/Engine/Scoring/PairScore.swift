/// The score of a candidate pair and its breakdown by factor.
public struct PairScore: Hashable, Sendable {
    /// One contribution per factor, in the order of `ScoringFactor.allCases`.
    public var contributions: [FactorContribution]

    public init(contributions: [FactorContribution]) {
        self.contributions = contributions
    }

    /// The sum of the contributions.
    public var total: ScorePoints {
        contributions.reduce(.zero) { $0 + $1.points }
    }

    /// The contribution of one factor.
    public subscript(factor: ScoringFactor) -> FactorContribution? {
        contributions.first { $0.factor == factor }
    }
}
