import Contracts
import Foundation

/// A volunteer taking a seat on a committee, as it arrives.
public struct SeatRequest: Decodable, Sendable {
    public var volunteerId: String?
    public var role: String?
    public var termStart: String?
    public var termEnd: String?

    func validated() -> Result<ValidSeat, InvalidInput> {
        var checks = FieldChecks()
        var volunteer: UUID?
        if let text = checks.require(volunteerId, "volunteerId") {
            volunteer = UUID(uuidString: text)
            if volunteer == nil { checks.refuse("volunteerId", "is not a volunteer id (a UUID)") }
        }
        var role: CommitteeRole?
        if let text = checks.require(self.role, "role") {
            role = CommitteeRole(rawValue: text)
            if role == nil { checks.refuse("role", "must be chair, co-chair or member") }
        }
        let start = checks.require(termStart, "termStart").flatMap { text in
            let date = CalendarDate(parsing: text)
            if date == nil { checks.refuse("termStart", "must be a date such as 2021-01-01") }
            return date
        }
        var end: CalendarDate?
        if let text = termEnd {
            end = CalendarDate(parsing: text)
            if end == nil {
                checks.refuse("termEnd", "must be a date such as 2023-01-01")
            } else if let start, let end, end <= start {
                checks.refuse("termEnd", "must be after termStart (\(start))")
            }
        }
        return checks.verdict("the volunteer cannot take the seat") {
            guard let volunteer, let role, let start else { return nil }
            return ValidSeat(volunteerId: volunteer, role: role, termStart: start, termEnd: end)
        }
    }
}

/// A seat request whose every field is checked in itself.
struct ValidSeat: Sendable {
    var volunteerId: UUID
    var role: CommitteeRole
    var termStart: CalendarDate
    var termEnd: CalendarDate?
}
