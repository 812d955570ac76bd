import Contracts
import Foundation
import Testing

/// The scheduling service's events and command against their golden fixtures.
@Suite("Scheduling fixtures")
struct SchedulingFixtureTests {
    static func id(_ last: String) -> UUID { GoldenFixtureTests.id(last) }
    static func at(_ seconds: TimeInterval) -> Date { Date(timeIntervalSince1970: seconds) }

    static let scheduled = ProgramScheduled(
        programId: id("61"), kind: "joint-team-meeting", partnershipId: nil, teamId: id("42"),
        titles: ["en": "Joint team needs assessment", "he": "הערכת צרכים של הצוות המשותף"], timeZone: "Asia/Jerusalem",
        sessions: [
            ScheduledSession(
                sessionId: id("62"), occurrence: 0, titles: nil, startsAt: at(1_733_756_400), endsAt: at(1_733_760_000), virtual: true,
                venueId: nil,
                timeZone: "Asia/Jerusalem", participantVolunteerIds: [id("51"), id("31")])
        ], scheduledAt: at(1_733_133_606))

    static let rescheduled = SessionRescheduled(
        programId: id("71"), titles: ["en": "New Orleans emergency medicine conference"],
        session: ScheduledSession(
            sessionId: id("72"), occurrence: 0, titles: ["en": "Workshop: mass-casualty triage"], startsAt: at(1_805_209_200),
            endsAt: at(1_805_214_600), virtual: false, venueId: id("81"), timeZone: "America/Chicago", participantVolunteerIds: [id("51")]),
        previousStartsAt: at(1_805_122_800), previousEndsAt: at(1_805_128_200), sequence: 1, reason: "venue-closed",
        rescheduledAt: at(1_801_472_400))

    static let confirmed = RegistrationConfirmed(
        registrationId: id("91"), programId: id("71"), sessionId: nil, volunteerId: id("51"), confirmedAt: at(1_799_582_400))
    static let waitlisted = RegistrationWaitlisted(
        registrationId: id("92"), programId: id("71"), sessionId: id("72"), volunteerId: id("52"), position: 3,
        waitlistedAt: at(1_799_582_401))
    static let promoted = RegistrationPromoted(
        registrationId: id("92"), programId: id("71"), sessionId: id("72"), volunteerId: id("52"), promotedAt: at(1_800_433_800))
    static let scheduleMeeting = ScheduleMeeting(teamId: id("42"), notBefore: at(1_733_184_000), monthlyMeetings: 11)

    static func check<Message: Codable & Equatable>(_ value: Message, _ type: MessageType) throws {
        let fixture = try GoldenFixtureTests.fixture(type)
        #expect(try GoldenFixtureTests.sameJSON(ContractCoding.encode(value), fixture), "\(type)")
        #expect(try ContractCoding.decode(Message.self, from: fixture) == value, "\(type)")
    }

    @Test("the scheduling events and the command encode to their fixtures and decode from them")
    func fixtures() throws {
        try Self.check(Self.scheduled, ProgramScheduled.eventType)
        try Self.check(Self.rescheduled, SessionRescheduled.eventType)
        try Self.check(Self.confirmed, RegistrationConfirmed.eventType)
        try Self.check(Self.waitlisted, RegistrationWaitlisted.eventType)
        try Self.check(Self.promoted, RegistrationPromoted.eventType)
        try Self.check(Self.scheduleMeeting, ScheduleMeeting.commandType)
    }
}
