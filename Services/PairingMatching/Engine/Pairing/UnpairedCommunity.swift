/// A community left with fewer partners than it needs, and why.
public struct UnpairedCommunity: Hashable, Sendable {
    public var community: CommunityID
    public var side: CommunitySide
    /// Partners still missing: for an impacted community, partners needed minus partners found;
    /// for a supporting community with no pairing, 0 (it needs no partner, it offered room).
    public var partnersMissing: Int
    public var reason: UnpairedReason
    /// Every candidate on the other side, in id order, with where it stood.
    public var candidates: [CandidateStatus]

    public init(
        community: CommunityID, side: CommunitySide, partnersMissing: Int, reason: UnpairedReason,
        candidates: [CandidateStatus]
    ) {
        self.community = community
        self.side = side
        self.partnersMissing = partnersMissing
        self.reason = reason
        self.candidates = candidates
    }
}
