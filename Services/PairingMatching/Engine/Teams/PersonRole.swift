/// A role that can qualify a person for a seat on a joint team.
public enum PersonRole: String, Hashable, Sendable, CaseIterable {
    /// A volunteer of a community (steering committee members and lay leaders included).
    case volunteer
    /// A professional of a community or its federation.
    case communityStaff
    /// A professional of the Jewish Agency.
    case agencyStaff
}
