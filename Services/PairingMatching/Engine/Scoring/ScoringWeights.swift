/// Points a factor contributes when it is fully met; a factor met halfway contributes half.
///
/// Weights must be finite, non-negative and at most `maximum`.
public struct ScoringWeights: Hashable, Sendable {
    public var existingPartnership: Double
    public var needsFit: Double
    public var sharedLanguage: Double
    public var workingHoursOverlap: Double
    public var capacityLeft: Double

    /// The largest weight accepted; it keeps every total exact in integer micro-points.
    public static let maximum = 10_000.0

    public init(
        existingPartnership: Double = 4, needsFit: Double = 3, sharedLanguage: Double = 2,
        workingHoursOverlap: Double = 1, capacityLeft: Double = 0.5
    ) {
        self.existingPartnership = existingPartnership
        self.needsFit = needsFit
        self.sharedLanguage = sharedLanguage
        self.workingHoursOverlap = workingHoursOverlap
        self.capacityLeft = capacityLeft
    }

    /// The weight of one factor.
    public subscript(factor: ScoringFactor) -> Double {
        switch factor {
        case .existingPartnership: existingPartnership
        case .needsFit: needsFit
        case .sharedLanguage: sharedLanguage
        case .workingHoursOverlap: workingHoursOverlap
        case .capacityLeft: capacityLeft
        }
    }
}
