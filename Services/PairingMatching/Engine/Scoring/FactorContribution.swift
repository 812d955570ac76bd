/// What one factor adds to a pair's score, and why.
public struct FactorContribution: Hashable, Sendable {
    public var factor: ScoringFactor
    /// How far the factor is met, from 0 (not at all) to 1 (fully).
    public var fraction: Double
    /// The factor's weight in the request.
    public var weight: Double
    /// `weight * fraction`, in exact micro-points.
    public var points: ScorePoints
    /// A short sentence a coordinator can read, e.g. "shared languages: en, he".
    public var note: String

    public init(
        factor: ScoringFactor, fraction: Double, weight: Double, points: ScorePoints, note: String
    ) {
        self.factor = factor
        self.fraction = fraction
        self.weight = weight
        self.points = points
        self.note = note
    }
}
