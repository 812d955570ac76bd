import Contracts
import Foundation

/// A volunteer leaving a committee seat before the end of their term, or a term without an end
/// getting one, as it arrives.
public struct SeatEnding: Decodable, Sendable {
    public var seatId: String?
    public var termEnd: String?

    /// The seat and the first day it is no longer held, checked in themselves.
    func validated() -> Result<(seatId: UUID, termEnd: CalendarDate), InvalidInput> {
        var checks = FieldChecks()
        var seat: UUID?
        if let text = checks.require(seatId, "seatId") {
            seat = UUID(uuidString: text)
            if seat == nil { checks.refuse("seatId", "is not a seat id (a UUID)") }
        }
        var end: CalendarDate?
        if let text = checks.require(termEnd, "termEnd") {
            end = CalendarDate(parsing: text)
            if end == nil { checks.refuse("termEnd", "must be a date such as 2023-01-01") }
        }
        return checks.verdict("the term cannot end") {
            guard let seat, let end else { return nil }
            return (seat, end)
        }
    }

    /// The seat with its term ending on `termEnd`: after it started, and never later than an
    /// end it has (a longer term is a new seat, checked against the chairs of its time).
    static func ending(_ seat: CommitteeSeat, on termEnd: CalendarDate) -> Result<CommitteeSeat, MembershipRules.Refusal> {
        guard seat.termStart < termEnd else {
            return .failure(
                .invalid(
                    InvalidInput(
                        "the term cannot end",
                        invalidFields: [.init(name: "termEnd", reason: "must be after the term started (\(seat.termStart))")]
                    )))
        }
        if let end = seat.termEnd, end < termEnd {
            return .failure(
                .conflict(
                    InvalidInput(
                        "the term cannot end",
                        invalidFields: [.init(name: "termEnd", reason: "the term ends on \(end) already; a longer one is a new seat")])))
        }
        var ended = seat
        ended.termEnd = termEnd
        return .success(ended)
    }
}
