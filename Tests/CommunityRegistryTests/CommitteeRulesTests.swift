import Contracts
import Foundation
import Testing

@testable import CommunityRegistry

@Suite("Who may take a seat on a committee")
struct CommitteeRulesTests {
    static func date(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

    static func volunteer(_ side: PartnershipSide, erased: Bool = false) -> Volunteer {
        Volunteer(
            id: UUID(), name: erased ? nil : "Noa Levi", names: [:], homeCommunityId: UUID(), side: side, languages: ["he"],
            timeZone: "Asia/Jerusalem", roles: [], contactChannels: [], registeredAt: Date(timeIntervalSince1970: 0), version: 1,
            erasedAt: erased ? Date(timeIntervalSince1970: 1) : nil)
    }

    static func chair(_ side: PartnershipSide, _ start: String, _ end: String?) -> CommitteeSeat {
        CommitteeSeat(
            seatId: UUID(), volunteerId: UUID(), name: "A chair", erased: false, side: side, role: .chair, termStart: date(start),
            termEnd: end.map(date))
    }

    static func seat(_ role: CommitteeRole, _ start: String, _ end: String? = nil) -> ValidSeat {
        ValidSeat(volunteerId: UUID(), role: role, termStart: date(start), termEnd: end.map(date))
    }

    @Test("one chair per side at a time: an overlapping chair is refused, a successive one or the other side's is not")
    func oneChairPerSide() {
        let seats = [Self.chair(.israeli, "2019-01-01", "2021-01-01")]
        let israeli = Self.volunteer(.israeli)
        guard
            case .conflict(let conflict) = CommitteeRules.seating(
                Self.seat(.chair, "2020-06-01"), volunteer: israeli, communityIsMember: true, seats: seats)
        else {
            Issue.record("a second Israeli chair was seated")
            return
        }
        #expect(conflict.invalidFields.map(\.name) == ["role"])
        #expect(CommitteeRules.seating(Self.seat(.chair, "2021-01-01"), volunteer: israeli, communityIsMember: true, seats: seats) == nil)
        #expect(
            CommitteeRules.seating(Self.seat(.chair, "2018-01-01", "2019-01-01"), volunteer: israeli, communityIsMember: true, seats: seats)
                == nil)
        #expect(
            CommitteeRules.seating(
                Self.seat(.chair, "2020-01-01"), volunteer: Self.volunteer(.global), communityIsMember: true, seats: seats) == nil)
        #expect(CommitteeRules.seating(Self.seat(.coChair, "2020-01-01"), volunteer: israeli, communityIsMember: true, seats: seats) == nil)
    }

    @Test("an open-ended chair blocks every later chair of the side until a term ends")
    func openEndedChair() {
        let seats = [Self.chair(.global, "2021-01-01", nil)]
        guard
            case .conflict = CommitteeRules.seating(
                Self.seat(.chair, "2030-01-01"), volunteer: Self.volunteer(.global), communityIsMember: true, seats: seats)
        else {
            Issue.record("a chair was seated beside an open-ended one")
            return
        }
    }

    @Test("an erased volunteer, or one whose community is not in the partnership then, takes no seat")
    func invalidVolunteers() {
        guard
            case .invalid = CommitteeRules.seating(
                Self.seat(.member, "2020-01-01"), volunteer: Self.volunteer(.global, erased: true), communityIsMember: true, seats: [])
        else {
            Issue.record("an erased volunteer was seated")
            return
        }
        guard
            case .invalid = CommitteeRules.seating(
                Self.seat(.member, "2020-01-01"), volunteer: Self.volunteer(.global), communityIsMember: false, seats: [])
        else {
            Issue.record("a volunteer from outside the partnership was seated")
            return
        }
    }
}
