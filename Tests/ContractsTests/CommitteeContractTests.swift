import Contracts
import Foundation
import Testing

/// The registry's committee-seat events against their golden fixtures.
@Suite("Committee contracts")
struct CommitteeContractTests {
    static func id(_ suffix: String) -> UUID {
        UUID(uuidString: "0190a5c3-7e1f-7b00-8000-0000000000\(suffix)")!
    }

    static let taken = CommitteeSeatTaken(
        seatId: id("70"), committeeId: id("71"), partnershipId: id("10"), committeeName: "Joint Steering Committee",
        committeeKind: "jointSteering", volunteerId: id("31"), side: .israeli, role: "co-chair",
        termStart: CalendarDate(year: 2025, month: 1, day: 1)!, termEnd: CalendarDate(year: 2027, month: 1, day: 1)!,
        seatedAt: Date(timeIntervalSince1970: 1_734_688_800))

    static let ended = CommitteeSeatEnded(
        seatId: id("70"), committeeId: id("71"), partnershipId: id("10"), volunteerId: id("31"),
        termEnd: CalendarDate(year: 2026, month: 7, day: 1)!, recordedAt: Date(timeIntervalSince1970: 1_781_512_200))

    @Test("a seat taken and a seat's term ended match their fixtures")
    func fixtures() throws {
        try MatchingContractTests.check(Self.taken, CommitteeSeatTaken.eventType)
        try MatchingContractTests.check(Self.ended, CommitteeSeatEnded.eventType)
    }

    @Test("a seat taken without an end to its term decodes with the end absent")
    func openEndedTerm() throws {
        var object = try #require(
            JSONSerialization.jsonObject(with: GoldenFixtureTests.fixture(CommitteeSeatTaken.eventType)) as? [String: Any])
        object.removeValue(forKey: "termEnd")
        var openEnded = Self.taken
        openEnded.termEnd = nil
        #expect(try ContractCoding.decode(CommitteeSeatTaken.self, from: JSONSerialization.data(withJSONObject: object)) == openEnded)
    }
}
