/// The joint team of one pairing.
public struct JointTeam: Hashable, Sendable {
    public var pair: CommunityPair
    /// Members per delegation, each list in id order.
    public var members: [TeamDelegation: [PersonID]]
    /// Every language the whole team shares, in code order.
    public var sharedLanguages: [LanguageCode]
    /// Minutes of the day when every member is within working hours.
    public var commonWorkingMinutes: Int

    public init(
        pair: CommunityPair, members: [TeamDelegation: [PersonID]],
        sharedLanguages: [LanguageCode], commonWorkingMinutes: Int
    ) {
        self.pair = pair
        self.members = members
        self.sharedLanguages = sharedLanguages
        self.commonWorkingMinutes = commonWorkingMinutes
    }

    /// All members, delegation by delegation.
    public var allMembers: [PersonID] {
        TeamDelegation.allCases.flatMap { members[$0] ?? [] }
    }
}
