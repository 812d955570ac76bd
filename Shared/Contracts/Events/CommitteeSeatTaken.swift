import Foundation

/// A volunteer took a seat on one of a partnership's committees for a term:
/// `registry.committee-seat-taken.v1`, correlated by the partnership's id. The people of a
/// committee on a day are those whose seats are held on it.
public struct CommitteeSeatTaken: IntegrationEvent {
    public static let eventType = MessageType(service: "registry", name: "committee-seat-taken", version: 1)

    @LowercasedUUID public var seatId: UUID
    @LowercasedUUID public var committeeId: UUID
    @LowercasedUUID public var partnershipId: UUID
    /// The committee's name, e.g. `Joint Steering Committee`.
    public var committeeName: String
    /// `jointSteering` or `subcommittee`.
    public var committeeKind: String
    @LowercasedUUID public var volunteerId: UUID
    /// The side of the volunteer's home community.
    public var side: PartnershipSide
    /// `chair`, `co-chair` or `member`.
    public var role: String
    /// The first day the seat is held.
    public var termStart: CalendarDate
    /// The first day it is no longer held; absent for a term without an end yet.
    public var termEnd: CalendarDate?
    public var seatedAt: Date

    public init(
        seatId: UUID, committeeId: UUID, partnershipId: UUID, committeeName: String, committeeKind: String, volunteerId: UUID,
        side: PartnershipSide, role: String, termStart: CalendarDate, termEnd: CalendarDate?, seatedAt: Date
    ) {
        self.seatId = seatId
        self.committeeId = committeeId
        self.partnershipId = partnershipId
        self.committeeName = committeeName
        self.committeeKind = committeeKind
        self.volunteerId = volunteerId
        self.side = side
        self.role = role
        self.termStart = termStart
        self.termEnd = termEnd
        self.seatedAt = seatedAt
    }
}
