/// An Israeli community impacted by the war that needs one or more supporting partners.
public struct ImpactedCommunity: Hashable, Sendable, Identifiable {
    public var id: CommunityID
    public var name: String
    /// The region the community belongs to; a supporting community already in partnership with
    /// this region scores higher.
    public var region: IsraeliRegion
    /// Assessed needs by category with estimated cost.
    public var needs: [NeedItem]
    public var languages: Set<LanguageCode>
    /// Offset from UTC on the reference date.
    public var utcOffset: UTCOffset
    /// Number of residents.
    public var residents: Int
    /// How many supporting partners this community needs; `nil` takes the request's default.
    public var partnersNeeded: Int?

    public init(
        id: CommunityID, name: String, region: IsraeliRegion, needs: [NeedItem] = [],
        languages: Set<LanguageCode> = [.hebrew], utcOffset: UTCOffset = UTCOffset(minutes: 180),
        residents: Int = 0, partnersNeeded: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.region = region
        self.needs = needs
        self.languages = languages
        self.utcOffset = utcOffset
        self.residents = residents
        self.partnersNeeded = partnersNeeded
    }
}
