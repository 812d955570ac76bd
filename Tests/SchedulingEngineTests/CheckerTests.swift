import Foundation
import SchedulingEngine
import Testing

@Suite("The checker finds every broken hard rule in schedules it did not make")
struct CheckerTests {
    /// The January joint meeting of Sderot, Des Moines and Melbourne, solved.
    static func jointMeeting() throws -> (SchedulingProblem, Placement) {
        let sunday = try instant("2026-01-04T00:00:00Z")
        let problem = try JointMeetingTests.problem(
            JointMeetingTests.workingWeek,
            JointMeetingTests.meeting(from: sunday, to: try instant("2026-01-16T00:00:00Z")), now: sunday)
        let schedule = solveAndCheck(problem)
        return (problem, try placement(of: "joint-steering", in: schedule))
    }

    static func kinds(_ placements: [Placement], _ problem: SchedulingProblem) -> Set<ScheduleViolation.Kind> {
        Set(ScheduleChecker.violations(in: Schedule(placements: placements), of: problem).map(\.kind))
    }

    static func moved(_ placement: Placement, to start: String, minutes: Int = 60, attendees: [Participant.ID]? = nil)
        throws -> Placement
    {
        let start = try instant(start)
        return Placement(
            key: placement.key, start: start, end: start + TimeInterval(minutes * 60), venue: placement.venue,
            attendees: attendees ?? placement.attendees)
    }

    @Test("A meeting on Friday night is during Shabbat in Sderot, and outside working hours there and in Melbourne")
    func shabbatAndHours() throws {
        let (problem, meeting) = try Self.jointMeeting()
        let violations = ScheduleChecker.violations(
            in: Schedule(placements: [try Self.moved(meeting, to: "2026-01-09T19:00:00Z")]), of: problem)
        #expect(Set(violations.map(\.kind)) == [.duringShabbatOrFestival, .outsideWorkingHours])
        let shabbat = violations.filter { $0.kind == .duringShabbatOrFestival }.map(\.description)
        #expect(shabbat.contains { $0.contains("Shabbat in Sderot") })
        #expect(shabbat.contains { $0.contains("Shabbat in Melbourne") })
        let hours = violations.filter { $0.kind == .outsideWorkingHours }.map(\.description)
        #expect(hours.count == 2)
        #expect(hours.contains { $0.contains("Sderot coordinator (sderot-coordinator)") })
    }

    @Test("Times, lengths, attendees and missing sessions are all checked")
    func windowLengthAndAttendees() throws {
        let (problem, meeting) = try Self.jointMeeting()
        #expect(Self.kinds([try Self.moved(meeting, to: "2026-01-19T19:00:00Z")], problem) == [.afterDeadline])
        #expect(
            Self.kinds([try Self.moved(meeting, to: "2026-01-05T19:00:00Z", minutes: 45)], problem) == [.wrongLength])
        #expect(
            Self.kinds(
                [
                    try Self.moved(
                        meeting, to: "2026-01-05T19:00:00Z", attendees: ["sderot-coordinator", "des-moines-chair"])
                ],
                problem) == [.missingRequiredAttendee])
        #expect(Self.kinds([], problem) == [.missingSession])
        #expect(Self.kinds([meeting, meeting], problem) == [.duplicateSession, .participantDoubleBooked])
    }

    @Test("Rooms: too small, double-booked, closed or not listed")
    func rooms() throws {
        let problem = try ConferenceTests.problem()
        let schedule = solveAndCheck(problem)
        let placements = schedule.placements
        func replacing(_ session: SessionPlan.ID, venue: Venue.ID?, start: String? = nil) throws -> [Placement] {
            try placements.map { placement in
                guard placement.key.session == session else { return placement }
                let begin = try start.map(instant) ?? placement.start
                return Placement(
                    key: placement.key, start: begin, end: begin + placement.end.timeIntervalSince(placement.start),
                    venue: venue, attendees: placement.attendees)
            }
        }
        // 70 people in Room C, which holds 40 and already has the hazmat workshop.
        #expect(
            Self.kinds(try replacing("triage", venue: "room-c"), problem) == [.venueOverCapacity, .venueDoubleBooked])
        #expect(Self.kinds(try replacing("plenary", venue: "room-b"), problem).contains(.venueNotAllowed))
        #expect(Self.kinds(try replacing("hazmat", venue: nil), problem) == [.venueMissing])
        // 19:00 in New Orleans: the rooms close at 18:00.
        #expect(
            Self.kinds(try replacing("hazmat", venue: "room-c", start: "2025-12-09T01:00:00Z"), problem) == [
                .outsideOpeningHours
            ])
    }

    @Test("A fixed placement that was moved is reported")
    func fixedPlacementMoved() throws {
        let (problem, meeting) = try Self.jointMeeting()
        let pinned = try SchedulingProblem(
            participants: problem.participants, programs: problem.programs, horizon: problem.horizon, now: problem.now,
            fixed: [meeting])
        let schedule = solveAndCheck(pinned)
        #expect(schedule.placements == [meeting])
        #expect(
            Self.kinds([try Self.moved(meeting, to: "2026-01-06T19:00:00Z")], pinned) == [.fixedPlacementChanged])
    }
}
