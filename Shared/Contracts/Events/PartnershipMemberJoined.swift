import Foundation

/// A community joined a partnership (again, perhaps, after it had left):
/// `registry.partnership-member-joined.v1`.
public struct PartnershipMemberJoined: IntegrationEvent {
    public static let eventType = MessageType(service: "registry", name: "partnership-member-joined", version: 1)

    @LowercasedUUID public var partnershipId: UUID
    /// This stay of the community in the partnership; its departure names it.
    @LowercasedUUID public var membershipId: UUID
    @LowercasedUUID public var communityId: UUID
    public var side: PartnershipSide
    public var joinedOn: CalendarDate

    public init(partnershipId: UUID, membershipId: UUID, communityId: UUID, side: PartnershipSide, joinedOn: CalendarDate) {
        self.partnershipId = partnershipId
        self.membershipId = membershipId
        self.communityId = communityId
        self.side = side
        self.joinedOn = joinedOn
    }
}
