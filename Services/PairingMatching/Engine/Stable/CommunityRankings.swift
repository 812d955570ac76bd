/// Each community's ranking of the communities on the other side, best first.
///
/// A community with a ranking accepts only the candidates it lists. A community without one
/// accepts every candidate that is not forbidden and ranks them by pair score (equal scores
/// rank equal; where a strict order is needed, the lower id goes first).
public struct CommunityRankings: Hashable, Sendable {
    public var byCommunity: [CommunityID: [CommunityID]]

    public init(_ byCommunity: [CommunityID: [CommunityID]] = [:]) {
        self.byCommunity = byCommunity
    }

    /// The ranking of one community, if it gave one.
    public subscript(community: CommunityID) -> [CommunityID]? {
        get { byCommunity[community] }
        set { byCommunity[community] = newValue }
    }
}
