import Foundation

/// A committee seat's term was given an end, or an earlier one: `registry.committee-seat-ended.v1`,
/// correlated by the partnership's id. From `termEnd` on, the volunteer is not of the committee
/// through this seat.
public struct CommitteeSeatEnded: IntegrationEvent {
    public static let eventType = MessageType(service: "registry", name: "committee-seat-ended", version: 1)

    @LowercasedUUID public var seatId: UUID
    @LowercasedUUID public var committeeId: UUID
    @LowercasedUUID public var partnershipId: UUID
    @LowercasedUUID public var volunteerId: UUID
    /// The first day the seat is no longer held.
    public var termEnd: CalendarDate
    public var recordedAt: Date

    public init(seatId: UUID, committeeId: UUID, partnershipId: UUID, volunteerId: UUID, termEnd: CalendarDate, recordedAt: Date) {
        self.seatId = seatId
        self.committeeId = committeeId
        self.partnershipId = partnershipId
        self.volunteerId = volunteerId
        self.termEnd = termEnd
        self.recordedAt = recordedAt
    }
}
