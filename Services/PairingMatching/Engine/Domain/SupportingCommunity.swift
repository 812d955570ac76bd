/// A Jewish community abroad that can take on new pairings with impacted communities.
public struct SupportingCommunity: Hashable, Sendable, Identifiable {
    public var id: CommunityID
    public var name: String
    /// The yearly budget the community can commit to new pairings; each pairing takes the
    /// request's yearly commitment from it.
    public var yearlyBudget: Money
    /// How many new pairings the community can take (staff and volunteers), whatever its budget.
    public var pairingCapacity: Int
    /// Areas the community wants to work in.
    public var focusAreas: Set<NeedCategory>
    /// Areas where the community brings proven experience; they count more than focus areas.
    public var strengths: Set<NeedCategory>
    /// Israeli regions the community is already in partnership with.
    public var partnershipRegions: Set<IsraeliRegion>
    public var languages: Set<LanguageCode>
    /// Offset from UTC on the reference date.
    public var utcOffset: UTCOffset

    public init(
        id: CommunityID, name: String, yearlyBudget: Money, pairingCapacity: Int,
        focusAreas: Set<NeedCategory> = [], strengths: Set<NeedCategory> = [],
        partnershipRegions: Set<IsraeliRegion> = [], languages: Set<LanguageCode> = [.english],
        utcOffset: UTCOffset = .utc
    ) {
        self.id = id
        self.name = name
        self.yearlyBudget = yearlyBudget
        self.pairingCapacity = pairingCapacity
        self.focusAreas = focusAreas
        self.strengths = strengths
        self.partnershipRegions = partnershipRegions
        self.languages = languages
        self.utcOffset = utcOffset
    }
}
