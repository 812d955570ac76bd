import Contracts
import Foundation

/// What a coordinator narrows a list down to. Every part is optional; the parts given must all
/// hold. Membership in a partnership is on `asOf`, today when absent.
public struct ListFilter: Sendable, Equatable {
    /// Members of this partnership (its communities; volunteers of its communities or on its committees).
    public var partnership: UUID?
    /// This community (a partnership's member, a volunteer's home).
    public var community: UUID?
    /// In a partnership of this program.
    public var program: PartnershipProgram?
    public var side: PartnershipSide?
    /// A BCP 47 tag; `he` also finds `he-IL`.
    public var language: String?
    /// A volunteer's role, or a committee role they hold (`chair`).
    public var role: String?
    /// Part of a name in any language, whatever its case, accents or Hebrew points.
    public var name: String?
    public var asOf: CalendarDate?

    public init() {}

    /// The kind of community a side is made of, as the communities table stores it.
    var communityKind: String? {
        side.map { $0 == .israeli ? CommunityKind.israeliLocality.rawValue : CommunityKind.globalCommunity.rawValue }
    }
}
