import Contracts
import Foundation

/// A volunteer's seat on a committee for a term: from `termStart` up to the day before
/// `termEnd`, open-ended without one. An erased volunteer's seats stay, without their name.
public struct CommitteeSeat: Sendable, Equatable, Encodable {
    @LowercasedUUID public var seatId: UUID
    @LowercasedUUID public var volunteerId: UUID
    /// The volunteer's name; absent once they were erased.
    public var name: String?
    public var erased: Bool
    public var side: PartnershipSide
    public var role: CommitteeRole
    public var termStart: CalendarDate
    /// The first day the seat is no longer held; absent for a term without an end yet.
    public var termEnd: CalendarDate?

    /// Whether the seat is held on `date`.
    public func isHeld(on date: CalendarDate) -> Bool {
        termStart <= date && (termEnd.map { date < $0 } ?? true)
    }

    /// Whether its term and `start..<end` (open-ended without `end`) share a day.
    func overlaps(start: CalendarDate, end: CalendarDate?) -> Bool {
        (end.map { termStart < $0 } ?? true) && (termEnd.map { start < $0 } ?? true)
    }
}
