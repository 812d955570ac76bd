import Foundation

/// A funder committed money to a community, perhaps to one of its need items or road-map
/// milestones, or for a year of a Communities2Gether pairing: `registry.funding-committed.v1`.
public struct FundingCommitted: IntegrationEvent {
    public static let eventType = MessageType(service: "registry", name: "funding-committed", version: 1)

    @LowercasedUUID public var flowId: UUID
    @LowercasedUUID public var communityId: UUID
    /// globalCommunity, federation, kerenHayesod, governmentBody, municipality or otherDonor.
    public var funderKind: String
    /// The funding organisation's name.
    public var funderName: String
    /// The funding community, for a global community, as a lower-case UUID.
    public var funderCommunityId: String?
    /// The need item funded, as a lower-case UUID.
    public var needItemId: String?
    /// The road-map milestone funded, as a lower-case UUID.
    public var milestoneId: String?
    /// The Communities2Gether pairing this is a year of, as a lower-case UUID, and which year (1, 2, 3...).
    public var pairingId: String?
    public var pairingYear: Int?
    public var committed: Money
    public var committedOn: CalendarDate

    public init(
        flowId: UUID, communityId: UUID, funderKind: String, funderName: String, funderCommunityId: String? = nil,
        needItemId: String? = nil, milestoneId: String? = nil, pairingId: String? = nil, pairingYear: Int? = nil, committed: Money,
        committedOn: CalendarDate
    ) {
        self.flowId = flowId
        self.communityId = communityId
        self.funderKind = funderKind
        self.funderName = funderName
        self.funderCommunityId = funderCommunityId
        self.needItemId = needItemId
        self.milestoneId = milestoneId
        self.pairingId = pairingId
        self.pairingYear = pairingYear
        self.committed = committed
        self.committedOn = committedOn
    }
}
