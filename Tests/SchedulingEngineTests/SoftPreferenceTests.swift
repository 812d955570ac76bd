import Foundation
import SchedulingEngine
import Testing

@Suite("Soft preferences: preferred hours, comfortable hours and optional invitees")
struct SoftPreferenceTests {
    static let sunday = "2026-01-04T12:00:00Z"

    static func problem(_ participants: [Participant], _ program: Program) throws -> SchedulingProblem {
        try SchedulingProblem(
            participants: participants, programs: [program],
            horizon: DateInterval(start: try instant("2026-01-01T00:00:00Z"), duration: 30 * 86_400),
            now: try instant("2026-01-01T00:00:00Z"))
    }

    @Test("A needs assessment that prefers Israeli mornings waits from Sunday afternoon to Monday 09:00")
    func preferredHours() throws {
        let participants = [
            person("sderot-coordinator", "Sderot coordinator", at: Places.sderot, hours: Hours.israeliWeek(8, 20)),
            person(
                "jerusalem-agency", "Agency partnership manager", at: Places.jerusalem, hours: Hours.israeliWeek(8, 20)),
        ]
        let program = Program(
            id: "needs", title: "Sderot needs assessment", kind: .needsAssessment, organiser: "jerusalem-agency",
            required: [.participant("sderot-coordinator"), .participant("jerusalem-agency")],
            sessions: [.single(.minutes(90))], earliestStart: try instant(Self.sunday),
            deadline: try instant("2026-01-09T00:00:00Z"),
            preferredHours: PreferredHours(Hours.israeliWeek(9, 12), timeZoneIdentifier: "Asia/Jerusalem"))
        let problem = try Self.problem(participants, program)
        let schedule = solveAndCheck(problem)
        #expect(try placement(of: "needs", in: schedule).start == (try instant("2026-01-05T07:00:00Z")))
        #expect(SoftScore(schedule, of: problem).outsidePreferredHours == 0)
    }

    @Test("A meeting goes to the two hours comfortable in both Sderot and Des Moines, not the earliest acceptable one")
    func comfortableHours() throws {
        let participants = [
            person(
                "sderot-coordinator", "Sderot coordinator", at: Places.sderot, hours: Hours.israeliWeek(7, 22),
                comfortable: Hours.israeliWeek(9, 19)),
            person(
                "des-moines-chair", "Des Moines chair", at: Places.desMoines, hours: Hours.diasporaWeek(7, 22),
                comfortable: Hours.diasporaWeek(9, 17)),
        ]
        let program = Program(
            id: "steering", title: "Joint steering committee", kind: .committeeMeeting, organiser: "sderot-coordinator",
            required: [.participant("sderot-coordinator"), .participant("des-moines-chair")],
            sessions: [.single(.minutes(60))], earliestStart: try instant("2026-01-05T00:00:00Z"),
            deadline: try instant("2026-01-09T00:00:00Z"))
        let problem = try Self.problem(participants, program)
        let schedule = solveAndCheck(problem)
        // 17:00 in Sderot, 09:00 in Des Moines; 13:00 UTC would be acceptable but early in Iowa.
        let meeting = try placement(of: "steering", in: schedule)
        #expect(meeting.start == (try instant("2026-01-05T15:00:00Z")))
        #expect(SoftScore(schedule, of: problem).outsideComfortableHours == 0)
        let explanation = try #require(ScheduleExplainer.explain(meeting.key, in: schedule, of: problem))
        #expect(explanation.preferences.isEmpty)
    }

    @Test(
        "Optional invitees attend when they can; one who cannot is listed as absent, in the schedule and the calendar")
    func optionalInvitees() throws {
        let participants = [
            person("sderot-coordinator", "Sderot coordinator", at: Places.sderot, hours: Hours.israeliWeek(8, 20)),
            person("des-moines-chair", "Des Moines chair", at: Places.desMoines, hours: Hours.diasporaWeek(8, 20)),
            person(
                "des-moines-volunteer", "Des Moines education volunteer", at: Places.desMoines,
                hours: Hours.diasporaWeek(8, 12)),
            person(
                "melbourne-volunteer", "Melbourne volunteer", at: Places.melbourne, hours: Hours.diasporaWeek(18, 21)),
        ]
        let program = Program(
            id: "education", title: "Education subcommittee", kind: .committeeMeeting, organiser: "sderot-coordinator",
            required: [.participant("sderot-coordinator"), .participant("des-moines-chair")],
            optional: [.participant("des-moines-volunteer"), .participant("melbourne-volunteer")],
            sessions: [.single(.minutes(60))], earliestStart: try instant("2026-01-05T00:00:00Z"),
            deadline: try instant("2026-01-09T00:00:00Z"))
        let problem = try Self.problem(participants, program)
        let schedule = solveAndCheck(problem)
        let meeting = try placement(of: "education", in: schedule)
        #expect(meeting.attendees == ["des-moines-chair", "des-moines-volunteer", "sderot-coordinator"])
        #expect(meeting.absentees == ["melbourne-volunteer"])
        #expect(SoftScore(schedule, of: problem).absentOptionalInvitees == 1)

        let calendar = try ICalendarComponent.parse(
            Data(
                try ICalendarWriter.calendar(
                    for: .participant("des-moines-volunteer"), in: schedule, of: problem, stamp: problem.now
                ).utf8))
        let event = try #require(calendar.components("VEVENT").first)
        #expect(event.property("DESCRIPTION")?.text == "Committee meeting. Cannot attend: Melbourne volunteer.")
        let roles = event.all("ATTENDEE").map { $0.parameters["ROLE"] ?? "" }
        #expect(roles.sorted() == ["OPT-PARTICIPANT", "REQ-PARTICIPANT", "REQ-PARTICIPANT"])
    }
}
