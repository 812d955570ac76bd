import Foundation

/// A partnership was formed with its first communities: `registry.partnership-formed.v1`.
/// Later members come as `registry.partnership-member-joined.v1`.
public struct PartnershipFormed: IntegrationEvent {
    public static let eventType = MessageType(service: "registry", name: "partnership-formed", version: 1)

    /// One community of the partnership and the day it joined.
    public struct Member: Codable, Sendable, Equatable {
        @LowercasedUUID public var membershipId: UUID
        @LowercasedUUID public var communityId: UUID
        public var side: PartnershipSide
        public var joinedOn: CalendarDate

        public init(membershipId: UUID, communityId: UUID, side: PartnershipSide, joinedOn: CalendarDate) {
            self.membershipId = membershipId
            self.communityId = communityId
            self.side = side
            self.joinedOn = joinedOn
        }
    }

    @LowercasedUUID public var partnershipId: UUID
    /// e.g. `Western Galilee – Central Area Consortium`.
    public var name: String
    /// The name in other languages, BCP 47 tag → name; absent when there are none.
    public var names: [String: String]?
    public var program: PartnershipProgram
    /// The day the partnership began.
    public var formedOn: CalendarDate
    public var members: [Member]
    /// When it was recorded.
    public var recordedAt: Date

    public init(
        partnershipId: UUID, name: String, names: [String: String]?, program: PartnershipProgram, formedOn: CalendarDate,
        members: [Member], recordedAt: Date
    ) {
        self.partnershipId = partnershipId
        self.name = name
        self.names = names
        self.program = program
        self.formedOn = formedOn
        self.members = members
        self.recordedAt = recordedAt
    }
}
