import Contracts
import Foundation

/// What a partnership, a committee or a volunteer shows of a community: who it is and which
/// side it is on.
public struct CommunitySummary: Sendable, Equatable {
    public var id: UUID
    public var name: String
    public var names: [String: String]
    public var kind: CommunityKind
    public var timeZone: String

    public var side: PartnershipSide { PartnershipSide(kind) }
}
