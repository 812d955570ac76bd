import Contracts
import Foundation
import Testing

@testable import CommunityRegistry

@Suite("When a community may join or leave a partnership")
struct MembershipRulesTests {
    static let omaha = CommunitySummary(id: UUID(), name: "Omaha", names: [:], kind: .globalCommunity, timeZone: "America/Chicago")

    static func date(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

    static func stay(_ joined: String, _ left: String?) -> PartnershipMembership {
        PartnershipMembership(
            membershipId: UUID(), communityId: omaha.id, name: "Omaha", names: [:], side: .global, joinedOn: date(joined),
            leftOn: left.map(date))
    }

    @Test("a member on a day is one who joined on or before it and had not left by it")
    func memberOnADay() {
        let stay = Self.stay("1997-01-01", "2009-01-01")
        #expect(!stay.isMember(on: Self.date("1996-12-31")))
        #expect(stay.isMember(on: Self.date("1997-01-01")))
        #expect(stay.isMember(on: Self.date("2008-12-31")))
        #expect(!stay.isMember(on: Self.date("2009-01-01")))
    }

    @Test("a new stay begins on or after the end of the last one, never inside it, and not before the partnership")
    func joining() {
        let formed = Self.date("1997-01-01")
        let ended = [Self.stay("1997-01-01", "2009-01-01")]
        #expect(MembershipRules.joining(Self.omaha, on: Self.date("2009-01-01"), formedOn: formed, stays: ended) == nil)
        guard case .conflict = MembershipRules.joining(Self.omaha, on: Self.date("2005-01-01"), formedOn: formed, stays: ended) else {
            Issue.record("a stay inside an earlier one was allowed")
            return
        }
        guard
            case .conflict = MembershipRules.joining(
                Self.omaha, on: Self.date("2010-01-01"), formedOn: formed, stays: [Self.stay("2001-01-01", nil)])
        else {
            Issue.record("a second open stay was allowed")
            return
        }
        guard case .invalid = MembershipRules.joining(Self.omaha, on: Self.date("1996-01-01"), formedOn: formed, stays: []) else {
            Issue.record("joining before the partnership was formed was allowed")
            return
        }
    }

    @Test("a stay ends after the day it began, and only an open one ends")
    func leaving() throws {
        let open = [Self.stay("2003-09-01", nil)]
        #expect(try MembershipRules.leaving(Self.omaha, on: Self.date("2012-07-01"), stays: open).get().leftOn == Self.date("2012-07-01"))
        guard case .failure(.invalid(let invalid)) = MembershipRules.leaving(Self.omaha, on: Self.date("2003-09-01"), stays: open) else {
            Issue.record("leaving on the day of joining was allowed")
            return
        }
        #expect(invalid.invalidFields.map(\.name) == ["leftOn"])
        guard case .failure(.conflict) = MembershipRules.leaving(Self.omaha, on: Self.date("2012-07-01"), stays: []) else {
            Issue.record("a community that is not a member left")
            return
        }
    }

    @Test("dates exist or are refused: no 30 February, 29 February only in leap years")
    func calendarDates() {
        #expect(CalendarDate(parsing: "2024-02-29") != nil)
        #expect(CalendarDate(parsing: "2023-02-29") == nil)
        #expect(CalendarDate(parsing: "1996-02-30") == nil)
        #expect(CalendarDate(parsing: "2012-9-1") == nil)
        #expect(CalendarDate(parsing: "2012-09-01")?.description == "2012-09-01")
        #expect(Self.date("2009-12-31") < Self.date("2010-01-01"))
    }
}
