/// How much of a supporting community's room a result uses.
public struct SupportingCapacityUse: Hashable, Sendable {
    /// Which limit caps the community's pairings.
    public enum Limit: String, Hashable, Sendable {
        /// The number of pairings it said it can take.
        case pairingCapacity
        /// Its yearly budget, which pays for fewer pairings than that.
        case budget
    }

    public var community: CommunityID
    public var pairings: Int
    /// Further pairings it could take within both its capacity and its budget.
    public var pairingsLeft: Int
    /// Yearly budget not committed by this result.
    public var budgetLeft: Money
    public var limitedBy: Limit

    public init(
        community: CommunityID, pairings: Int, pairingsLeft: Int, budgetLeft: Money,
        limitedBy: Limit
    ) {
        self.community = community
        self.pairings = pairings
        self.pairingsLeft = pairingsLeft
        self.budgetLeft = budgetLeft
        self.limitedBy = limitedBy
    }
}
