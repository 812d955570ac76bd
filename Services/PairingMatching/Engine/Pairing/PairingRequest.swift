/// Everything one matching run decides from: the communities, the program's parameters, the
/// pairs already confirmed or ruled out, and the previous run's pairings.
public struct PairingRequest: Hashable, Sendable {
    public var impacted: [ImpactedCommunity]
    public var supporting: [SupportingCommunity]
    public var parameters: PairingParameters
    /// Confirmed pairs; every result contains them, and they use up capacity and budget.
    public var locked: [CommunityPair]
    /// Pairs that must not be formed.
    public var forbidden: [CommunityPair]
    /// The pairings of the previous run. When several results are equally good, the one that
    /// keeps most of these wins, so a re-run after a change moves as few pairings as it can.
    /// Pairs naming communities that are no longer in the request are simply not kept.
    public var previous: [CommunityPair]
    /// How communities rank each other. Stable pairing proposes in this order; optimal pairing
    /// uses it only to report blocking pairs. Communities without a ranking rank their allowed
    /// candidates by pair score.
    public var rankings: CommunityRankings

    public init(
        impacted: [ImpactedCommunity], supporting: [SupportingCommunity],
        parameters: PairingParameters = PairingParameters(), locked: [CommunityPair] = [],
        forbidden: [CommunityPair] = [], previous: [CommunityPair] = [],
        rankings: CommunityRankings = CommunityRankings()
    ) {
        self.impacted = impacted
        self.supporting = supporting
        self.parameters = parameters
        self.locked = locked
        self.forbidden = forbidden
        self.previous = previous
        self.rankings = rankings
    }
}
