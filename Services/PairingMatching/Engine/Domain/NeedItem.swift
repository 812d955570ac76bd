/// One assessed need of an impacted community, with its estimated cost.
public struct NeedItem: Hashable, Sendable {
    public var category: NeedCategory
    /// Estimated cost; must be in the currency of the yearly commitment.
    public var estimatedCost: Money

    public init(category: NeedCategory, estimatedCost: Money) {
        self.category = category
        self.estimatedCost = estimatedCost
    }
}
