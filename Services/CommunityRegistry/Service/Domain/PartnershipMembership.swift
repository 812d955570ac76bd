import Contracts
import Foundation

/// One stay of a community in a partnership: from the day it joined until the day it left,
/// if it has. A community that leaves and comes back has two. Never deleted.
public struct PartnershipMembership: Sendable, Equatable, Encodable {
    @LowercasedUUID public var membershipId: UUID
    @LowercasedUUID public var communityId: UUID
    /// The community's name, and its names in other languages.
    public var name: String
    public var names: [String: String]
    public var side: PartnershipSide
    public var joinedOn: CalendarDate
    /// The first day it is no longer a member; absent while it is.
    public var leftOn: CalendarDate?

    /// Whether the community was a member on `date`: from `joinedOn` up to the day before `leftOn`.
    public func isMember(on date: CalendarDate) -> Bool {
        joinedOn <= date && (leftOn.map { date < $0 } ?? true)
    }
}
