import Foundation

/// A community left a partnership: from `leftOn` on it is no longer a member. Its history
/// stays. `registry.partnership-member-left.v1`.
public struct PartnershipMemberLeft: IntegrationEvent {
    public static let eventType = MessageType(service: "registry", name: "partnership-member-left", version: 1)

    @LowercasedUUID public var partnershipId: UUID
    @LowercasedUUID public var membershipId: UUID
    @LowercasedUUID public var communityId: UUID
    public var side: PartnershipSide
    public var joinedOn: CalendarDate
    /// The first day it is no longer a member.
    public var leftOn: CalendarDate

    public init(
        partnershipId: UUID, membershipId: UUID, communityId: UUID, side: PartnershipSide, joinedOn: CalendarDate, leftOn: CalendarDate
    ) {
        self.partnershipId = partnershipId
        self.membershipId = membershipId
        self.communityId = communityId
        self.side = side
        self.joinedOn = joinedOn
        self.leftOn = leftOn
    }
}
