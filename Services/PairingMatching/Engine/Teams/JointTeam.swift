/// The joint team of one pairing.
public struct JointTeam: Hashable, Sendable {
    public var pair: CommunityPair
    /// Representatives of the impacted Israeli community, in id order.
    public var israeliRepresentatives: [PersonID]
    /// Representatives of the supporting global community, in id order.
    public var globalRepresentatives: [PersonID]
    /// Representatives of the Jewish Agency, in id order.
    public var agencyRepresentatives: [PersonID]
    /// Every language the whole team shares, in code order.
    public var sharedLanguages: [LanguageCode]
    /// Minutes of the day when every member is within working hours.
    public var commonWorkingMinutes: Int

    public init(
        pair: CommunityPair, israeliRepresentatives: [PersonID], globalRepresentatives: [PersonID],
        agencyRepresentatives: [PersonID], sharedLanguages: [LanguageCode],
        commonWorkingMinutes: Int
    ) {
        self.pair = pair
        self.israeliRepresentatives = israeliRepresentatives
        self.globalRepresentatives = globalRepresentatives
        self.agencyRepresentatives = agencyRepresentatives
        self.sharedLanguages = sharedLanguages
        self.commonWorkingMinutes = commonWorkingMinutes
    }

    /// The members of one delegation.
    public subscript(delegation: TeamDelegation) -> [PersonID] {
        switch delegation {
        case .israeliCommunity: israeliRepresentatives
        case .globalCommunity: globalRepresentatives
        case .jewishAgency: agencyRepresentatives
        }
    }

    /// All members, delegation by delegation.
    public var allMembers: [PersonID] {
        israeliRepresentatives + globalRepresentatives + agencyRepresentatives
    }
}
