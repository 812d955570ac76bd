import Foundation
import SchedulingEngine
import Testing

@Suite("iCalendar output, parsed back")
struct ICalendarTests {
    static let stamp = Date(timeIntervalSince1970: 1_764_000_000)

    /// A quarterly road-map review over three years (across every change of summer time) and
    /// one needs-assessment session, between Sderot and two members of Des Moines.
    static func scheduled() throws -> (SchedulingProblem, Schedule) {
        let communities = [
            Community(id: "sderot", name: "Sderot", place: Places.sderot),
            Community(id: "des-moines", name: "Des Moines", place: Places.desMoines),
        ]
        let participants = [
            person(
                "sderot-coordinator", "Sderot coordinator", at: Places.sderot, community: "sderot",
                hours: Hours.israeliWeek(8, 20)),
            person(
                "des-moines-chair", "Des Moines chair", at: Places.desMoines, community: "des-moines",
                hours: Hours.diasporaWeek(8, 20)),
            person(
                "des-moines-volunteer", "Des Moines education volunteer", at: Places.desMoines, community: "des-moines",
                hours: Hours.diasporaWeek(7, 21)),
        ]
        let review = Program(
            id: "roadmap-sderot",
            title: "תוכנית שיקום שדרות: סקירה רבעונית; Sderot road map to recovery, quarterly review with Des Moines",
            kind: .roadMapReview, organiser: "sderot-coordinator",
            required: [.participant("sderot-coordinator"), .participant("des-moines-chair")],
            optional: [.participant("des-moines-volunteer")], sessions: [.single(.minutes(90))],
            earliestStart: try instant("2026-01-05T00:00:00Z"), deadline: try instant("2026-01-16T00:00:00Z"),
            recurrence: .quarterly(years: 3))
        let needs = Program(
            id: "needs-2026-02", title: "Needs assessment: mattresses, kitchen utensils", kind: .needsAssessment,
            organiser: "sderot-coordinator", required: [.participant("sderot-coordinator"), .community("des-moines")],
            sessions: [.single(.minutes(60))], earliestStart: try instant("2026-02-01T00:00:00Z"),
            deadline: try instant("2026-02-14T00:00:00Z"))
        let problem = try SchedulingProblem(
            participants: participants, communities: communities, programs: [review, needs],
            horizon: DateInterval(start: try instant("2026-01-01T00:00:00Z"), end: try instant("2029-01-01T00:00:00Z")),
            now: try instant("2026-01-01T00:00:00Z"))
        return (problem, solveAndCheck(problem))
    }

    @Test(
        "A participant's calendar has one event per session they attend, at the same instants, with organiser and attendees"
    )
    func participantCalendar() throws {
        let (problem, schedule) = try Self.scheduled()
        let text = try ICalendarWriter.calendar(
            for: .participant("sderot-coordinator"), in: schedule, of: problem, stamp: Self.stamp)
        let calendar = try ICalendarComponent.parse(Data(text.utf8))
        #expect(calendar.name == "VCALENDAR")
        #expect(calendar.property("VERSION")?.value == "2.0")
        #expect(calendar.property("PRODID") != nil)
        #expect(calendar.components("VTIMEZONE").map { $0.property("TZID")?.value } == ["Asia/Jerusalem"])

        let placements = schedule.placements(attendedBy: "sderot-coordinator")
        let events = calendar.components("VEVENT")
        #expect(placements.count == 13)
        #expect(events.count == placements.count)
        for (event, placement) in zip(events, placements) {
            #expect(event.property("UID")?.value == ICalendarWriter.uid(of: placement.key))
            #expect(event.property("DTSTAMP")?.value == "20251124T160000Z")
            let start = try #require(event.property("DTSTART"))
            #expect(start.parameters["TZID"] == "Asia/Jerusalem")
            #expect(try calendar.instant(of: start) == placement.start, "\(placement.key)")
            #expect(try calendar.instant(of: try #require(event.property("DTEND"))) == placement.end)
            let organiser = try #require(event.property("ORGANIZER"))
            #expect(organiser.parameters["CN"] == "Sderot coordinator")
            #expect(organiser.value == "mailto:sderot-coordinator@example.org")
            let attendees = event.all("ATTENDEE")
            #expect(attendees.map(\.value) == placement.attendees.map { "mailto:\($0)@example.org" })
            #expect(attendees.first { $0.value.hasPrefix("mailto:sderot") }?.parameters["ROLE"] == "REQ-PARTICIPANT")
            #expect(event.property("LOCATION")?.text == "Online")
        }
        let review = try #require(events.first)
        #expect(
            review.property("SUMMARY")?.text
                == "תוכנית שיקום שדרות: סקירה רבעונית; Sderot road map to recovery, quarterly review with Des Moines")
        #expect(review.property("DESCRIPTION")?.text.hasPrefix("Road-map review, occurrence 1 of 12") == true)
        #expect(
            events.first { $0.property("UID")?.value == ICalendarWriter.uid(of: SessionKey(program: "needs-2026-02")) }?
                .property("SUMMARY")?.text == "Needs assessment: mattresses, kitchen utensils")
    }

    @Test("The volunteer is an optional attendee, and the community calendar of Des Moines is in Central time")
    func communityCalendar() throws {
        let (problem, schedule) = try Self.scheduled()
        let text = try ICalendarWriter.calendar(
            for: .community("des-moines"), in: schedule, of: problem, stamp: Self.stamp)
        let calendar = try ICalendarComponent.parse(Data(text.utf8))
        #expect(calendar.components("VTIMEZONE").map { $0.property("TZID")?.value } == ["America/Chicago"])
        let events = calendar.components("VEVENT")
        #expect(events.count == schedule.placements.count)
        for (event, placement) in zip(events, schedule.placements) {
            #expect(try calendar.instant(of: try #require(event.property("DTSTART"))) == placement.start)
            let volunteer = event.all("ATTENDEE").first { $0.value == "mailto:des-moines-volunteer@example.org" }
            if placement.key.program == "roadmap-sderot" {
                #expect(
                    volunteer?.parameters["ROLE"] == "OPT-PARTICIPANT"
                        || placement.absentees.contains("des-moines-volunteer"))
            } else {
                #expect(volunteer?.parameters["ROLE"] == "REQ-PARTICIPANT")
            }
        }
    }

    @Test("Lines end in CRLF, fold at 75 octets between characters, and the same schedule exports to the same text")
    func lineStructureAndStability() throws {
        let (problem, schedule) = try Self.scheduled()
        let first = try ICalendarWriter.calendar(
            for: .participant("des-moines-chair"), in: schedule, of: problem, stamp: Self.stamp)
        let second = try ICalendarWriter.calendar(
            for: .participant("des-moines-chair"), in: schedule, of: problem, stamp: Self.stamp)
        #expect(first == second)
        let data = Data(first.utf8)
        _ = try ICalendarComponent.parse(data)
        let lines = first.components(separatedBy: "\r\n").dropLast()
        #expect(lines.contains { $0.hasPrefix(" ") }, "the Hebrew summary is long enough to be folded")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(!first.replacingOccurrences(of: "\r\n", with: "").contains("\n"))

        let later = try ICalendarWriter.calendar(
            for: .participant("des-moines-chair"), in: schedule, of: problem, stamp: Self.stamp + 86_400)
        let uids = { (text: String) in
            try ICalendarComponent.parse(Data(text.utf8)).components("VEVENT").compactMap { $0.property("UID")?.value }
        }
        #expect(try uids(first) == uids(later))
        #expect(try Set(uids(first)).count == schedule.placements(attendedBy: "des-moines-chair").count)
    }

    @Test("A calendar for someone the problem does not have is an error naming them")
    func unknownAudience() throws {
        let (problem, schedule) = try Self.scheduled()
        let error = #expect(throws: SchedulingError.self) {
            try ICalendarWriter.calendar(for: .participant("nobody"), in: schedule, of: problem, stamp: Self.stamp)
        }
        #expect(error?.code == .unknownReference)
        #expect(error?.description.contains("\"nobody\"") == true)
    }
}
