import Contracts
import Foundation

/// Who may take a seat on a committee, for which term.
enum CommitteeRules {
    /// Why `volunteer` cannot take the seat, or nil when they can: the volunteer is erased or
    /// their community is not in the partnership when the term starts (invalid); they hold an
    /// overlapping seat on the committee already, or their side has a chair for part of the
    /// term (conflict).
    static func seating(
        _ seat: ValidSeat, volunteer: Volunteer, communityIsMember: Bool, seats: [CommitteeSeat]
    ) -> MembershipRules.Refusal? {
        let subject = "the volunteer cannot take the seat"
        if volunteer.erasedAt != nil {
            return .invalid(InvalidInput(subject, invalidFields: [.init(name: "volunteerId", reason: "was erased at their request")]))
        }
        if !communityIsMember {
            return .invalid(
                InvalidInput(
                    subject,
                    invalidFields: [
                        .init(
                            name: "termStart", reason: "the volunteer's community is not a member of the partnership on \(seat.termStart)")
                    ]))
        }
        if let held = seats.first(where: { $0.volunteerId == volunteer.id && $0.overlaps(start: seat.termStart, end: seat.termEnd) }) {
            return .conflict(
                InvalidInput(
                    subject,
                    invalidFields: [
                        .init(name: "volunteerId", reason: "holds a seat on this committee from \(held.termStart) already")
                    ]))
        }
        if seat.role == .chair,
            let chair = seats.first(where: {
                $0.role == .chair && $0.side == volunteer.side && $0.overlaps(start: seat.termStart, end: seat.termEnd)
            })
        {
            let until = chair.termEnd.map { "to \($0)" } ?? "with no end yet"
            return .conflict(
                InvalidInput(
                    subject,
                    invalidFields: [
                        .init(
                            name: "role",
                            reason:
                                "the \(volunteer.side.rawValue) side has a chair from \(chair.termStart) \(until); one chair per side at a time"
                        )
                    ]))
        }
        return nil
    }
}
