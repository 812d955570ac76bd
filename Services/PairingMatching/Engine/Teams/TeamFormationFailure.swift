/// A joint team that could not be formed, and the rule that stopped it.
public struct TeamFormationFailure: Hashable, Sendable {
    /// The rule that could not be met. Rules are checked in this order.
    public enum Rule: String, Hashable, Sendable {
        /// Too few people with the right affiliation and role for a delegation.
        case eligibleRole
        /// Enough eligible people, but too many already serve on as many teams as allowed.
        case teamLimit
        /// Enough people in every delegation, but no language shared by a full team.
        case sharedLanguage
    }

    public var pair: CommunityPair
    public var rule: Rule
    /// The delegation that fell short; `nil` for `sharedLanguage`, which concerns the team.
    public var delegation: TeamDelegation?
    /// A sentence for the coordinator, with the numbers involved.
    public var message: String

    public init(pair: CommunityPair, rule: Rule, delegation: TeamDelegation?, message: String) {
        self.pair = pair
        self.rule = rule
        self.delegation = delegation
        self.message = message
    }
}
