import Foundation
import SchedulingEngine
import Testing

@Suite("A joint meeting of Sderot, Des Moines and Melbourne")
struct JointMeetingTests {
    /// Working weeks: Sunday to Thursday in Sderot, Monday to Friday abroad.
    static let workingWeek = [
        person("sderot-coordinator", "Sderot coordinator", at: Places.sderot, hours: Hours.israeliWeek(7, 22)),
        person("des-moines-chair", "Des Moines chair", at: Places.desMoines, hours: Hours.diasporaWeek(7, 22)),
        person(
            "melbourne-coordinator", "Melbourne coordinator", at: Places.melbourne, hours: Hours.diasporaWeek(6, 23)),
    ]

    /// The same hours every day of the week, so that only Shabbat keeps the weekend free.
    static let everyDay = [
        person("sderot-coordinator", "Sderot coordinator", at: Places.sderot, hours: .daily(.hours(7, 22))),
        person("des-moines-chair", "Des Moines chair", at: Places.desMoines, hours: .daily(.hours(7, 22))),
        person("melbourne-coordinator", "Melbourne coordinator", at: Places.melbourne, hours: .daily(.hours(6, 23))),
    ]

    static func meeting(from earliest: Date, to deadline: Date) -> Program {
        Program(
            id: "joint-steering", title: "Sderot, Des Moines and Melbourne joint steering committee",
            kind: .committeeMeeting, organiser: "sderot-coordinator",
            required: [
                .participant("sderot-coordinator"), .participant("des-moines-chair"),
                .participant("melbourne-coordinator"),
            ],
            sessions: [.single(.minutes(60))], earliestStart: earliest, deadline: deadline)
    }

    static func problem(_ participants: [Participant], _ program: Program, now: Date) throws -> SchedulingProblem {
        try SchedulingProblem(
            participants: participants, programs: [program],
            horizon: DateInterval(start: try instant("2026-01-01T00:00:00Z"), end: try instant("2026-03-01T00:00:00Z")),
            now: now)
    }

    @Test(
        "In January the only common hour is 19:00 UTC: 21:00 in Sderot, 13:00 in Des Moines, 06:00 next morning in Melbourne"
    )
    func onlyCommonHour() throws {
        let sunday = try instant("2026-01-04T00:00:00Z")
        let problem = try Self.problem(
            Self.workingWeek, Self.meeting(from: sunday, to: try instant("2026-01-16T00:00:00Z")), now: sunday)
        let schedule = solveAndCheck(problem)
        let meeting = try placement(of: "joint-steering", in: schedule)
        // Sunday is not a working day in Des Moines, so Monday.
        #expect(meeting.start == (try instant("2026-01-05T19:00:00Z")))
        #expect(meeting.end == (try instant("2026-01-05T20:00:00Z")))
        #expect(meeting.attendees == ["des-moines-chair", "melbourne-coordinator", "sderot-coordinator"])
        #expect(schedule.unplaced.isEmpty)
    }

    @Test("After Thursday's hour the next is Monday's: Friday in Sderot and the weekend abroad are not working days")
    func skipsTheWeekend() throws {
        let afterThursday = try instant("2026-01-08T20:00:00Z")
        let problem = try Self.problem(
            Self.workingWeek, Self.meeting(from: afterThursday, to: try instant("2026-01-16T00:00:00Z")),
            now: afterThursday)
        let meeting = try placement(of: "joint-steering", in: solveAndCheck(problem))
        #expect(meeting.start == (try instant("2026-01-12T19:00:00Z")))
    }

    @Test("A deadline on Sunday leaves no slot; the explanation is the smallest set of rules that rules every slot out")
    func infeasibleBeforeSunday() throws {
        let friday = try instant("2026-01-09T00:00:00Z")
        let deadline = try instant("2026-01-11T18:00:00Z")
        let problem = try Self.problem(Self.everyDay, Self.meeting(from: friday, to: deadline), now: friday)
        let schedule = solveAndCheck(problem)
        #expect(schedule.placements.isEmpty)
        let unplaced = try #require(schedule.unplaced.first)
        #expect(unplaced.key == SessionKey(program: "joint-steering"))
        // Friday 19:00 UTC is Shabbat in Sderot (and Melbourne); Saturday 19:00 UTC is Shabbat in
        // Des Moines; Sunday's hour is after the deadline. Without any one place's hours there is
        // another hour (Sunday morning UTC, or Saturday night after havdalah in Des Moines).
        #expect(
            Set(unplaced.explanation.rules) == [
                .workingHours(place: "Des Moines", participants: ["des-moines-chair"]),
                .workingHours(place: "Melbourne", participants: ["melbourne-coordinator"]),
                .workingHours(place: "Sderot", participants: ["sderot-coordinator"]),
                .shabbatAndFestivals(place: "Des Moines"),
                .shabbatAndFestivals(place: "Sderot"),
                .deadline(deadline),
            ])
        #expect(unplaced.explanation.isMinimum)
        #expect(
            unplaced.explanation.sentence
                == "no 60-minute slot in which Des Moines, Melbourne and Sderot are all within working hours outside Shabbat in Des Moines and Sderot before the deadline (2026-01-11 18:00 UTC)"
        )
    }

    @Test("With a later deadline the same meeting goes to Sunday 19:00 UTC, the first hour after both Shabbatot")
    func feasibleWithLaterDeadline() throws {
        let friday = try instant("2026-01-09T00:00:00Z")
        let problem = try Self.problem(
            Self.everyDay, Self.meeting(from: friday, to: try instant("2026-01-12T00:00:00Z")), now: friday)
        let meeting = try placement(of: "joint-steering", in: solveAndCheck(problem))
        #expect(meeting.start == (try instant("2026-01-11T19:00:00Z")))
    }
}
