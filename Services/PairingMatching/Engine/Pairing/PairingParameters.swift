/// The program's rules for one matching run.
public struct PairingParameters: Hashable, Sendable {
    /// What a supporting community commits per pairing per year; $250,000 in Communities2Gether.
    public var yearlyCommitment: Money
    /// How many years a pairing lasts; at least three in Communities2Gether.
    public var years: Int
    /// How many partners an impacted community needs unless it says otherwise.
    public var partnersPerImpactedCommunity: Int
    public var weights: ScoringWeights
    /// Local working hours, used for the working-hours overlap of two communities.
    public var workingHours: WorkingHours

    public init(
        yearlyCommitment: Money = .dollars(250_000), years: Int = 3,
        partnersPerImpactedCommunity: Int = 1, weights: ScoringWeights = ScoringWeights(),
        workingHours: WorkingHours = .office
    ) {
        self.yearlyCommitment = yearlyCommitment
        self.years = years
        self.partnersPerImpactedCommunity = partnersPerImpactedCommunity
        self.weights = weights
        self.workingHours = workingHours
    }
}
