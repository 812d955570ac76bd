/// The three delegations of a joint team.
public enum TeamDelegation: String, Hashable, Sendable, CaseIterable {
    /// Representatives of the impacted Israeli community.
    case israeliCommunity
    /// Representatives of the supporting global community.
    case globalCommunity
    /// Representatives of the Jewish Agency.
    case jewishAgency
}
