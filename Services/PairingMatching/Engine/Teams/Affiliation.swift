/// Whom a person represents on a joint team.
public enum Affiliation: Hashable, Sendable {
    /// A member of a community, impacted or supporting.
    case community(CommunityID)
    /// Staff of the Jewish Agency.
    case jewishAgency
}
