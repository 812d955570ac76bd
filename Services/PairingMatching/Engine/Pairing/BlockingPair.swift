/// Two communities that are not paired but would both rather be: each has a free place or ranks
/// the other strictly above one of its unlocked partners. A stable result has none; an optimal
/// result lists them to show what the higher total costs in preferences.
public struct BlockingPair: Hashable, Sendable {
    public var pair: CommunityPair
    /// The pair's score.
    public var score: ScorePoints
    /// The partner the impacted community would give up, or `nil` if it has a free place.
    public var impactedWouldDrop: CommunityID?
    /// The partner the supporting community would give up, or `nil` if it has room.
    public var supportingWouldDrop: CommunityID?

    public init(
        pair: CommunityPair, score: ScorePoints, impactedWouldDrop: CommunityID?,
        supportingWouldDrop: CommunityID?
    ) {
        self.pair = pair
        self.score = score
        self.impactedWouldDrop = impactedWouldDrop
        self.supportingWouldDrop = supportingWouldDrop
    }
}
