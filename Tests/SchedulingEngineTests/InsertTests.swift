import Foundation
import SchedulingEngine
import Testing

@Suite("Inserting one program into an existing schedule")
struct InsertTests {
    static let participants = [
        person("sderot-coordinator", "Sderot coordinator", at: Places.sderot, hours: Hours.israeliWeek(8, 20)),
        person("des-moines-chair", "Des Moines chair", at: Places.desMoines, hours: Hours.diasporaWeek(8, 20)),
    ]
    static let both: [Invitee] = [.participant("sderot-coordinator"), .participant("des-moines-chair")]

    /// A flexible meeting anywhere in the week of 5 January 2026; the common hours are 14:00 to
    /// 18:00 UTC, Monday to Thursday.
    static func flexible() throws -> Program {
        Program(
            id: "education-committee", title: "Education committee", kind: .committeeMeeting,
            organiser: "sderot-coordinator", required: both, sessions: [.single(.minutes(60))],
            earliestStart: try instant("2026-01-05T00:00:00Z"), deadline: try instant("2026-01-10T00:00:00Z"))
    }

    /// A meeting that fits only Monday 14:00 to 15:00 UTC.
    static func urgent() throws -> Program {
        Program(
            id: "urgent-needs", title: "Urgent needs: mattresses and kitchen utensils", kind: .needsAssessment,
            organiser: "sderot-coordinator", required: both, sessions: [.single(.minutes(60))],
            earliestStart: try instant("2026-01-05T14:00:00Z"), deadline: try instant("2026-01-05T15:00:00Z"))
    }

    static func problem(fixed: [Placement] = []) throws -> SchedulingProblem {
        try SchedulingProblem(
            participants: participants, programs: [try flexible()],
            horizon: DateInterval(start: try instant("2026-01-01T00:00:00Z"), duration: 60 * 86_400),
            now: try instant("2026-01-01T00:00:00Z"), fixed: fixed)
    }

    @Test("A program that fits around the schedule is placed without moving anything")
    func insertWithoutMoves() throws {
        let problem = try Self.problem()
        let schedule = solveAndCheck(problem)
        var later = try Self.flexible()
        later.id = "economic-committee"
        later.title = "Economic development committee"
        let insertion = try ProgramScheduler.insert(later, into: schedule, of: problem)
        expectValid(insertion.schedule, insertion.problem)
        #expect(insertion.moves.isEmpty)
        #expect(
            insertion.schedule.placement(of: SessionKey(program: "education-committee")) == schedule.placements.first)
        // Monday 15:00 is free too, but a second meeting the same day weighs on both.
        let placed = try placement(of: "economic-committee", in: insertion.schedule)
        #expect(placed.start == (try instant("2026-01-06T14:00:00Z")))
    }

    @Test("A program whose only slot is taken moves the flexible session to the next day, and nothing else")
    func insertMovesOneSession() throws {
        let problem = try Self.problem()
        let schedule = solveAndCheck(problem)
        #expect(schedule.placements.first?.start == (try instant("2026-01-05T14:00:00Z")))
        let insertion = try ProgramScheduler.insert(try Self.urgent(), into: schedule, of: problem)
        expectValid(insertion.schedule, insertion.problem)
        #expect(
            try placement(of: "urgent-needs", in: insertion.schedule).start == (try instant("2026-01-05T14:00:00Z")))
        #expect(insertion.moves.map(\.key) == [SessionKey(program: "education-committee")])
        #expect(insertion.moves.first?.to.start == (try instant("2026-01-06T14:00:00Z")))

        let again = try ProgramScheduler.insert(try Self.urgent(), into: schedule, of: problem)
        #expect(again.schedule == insertion.schedule)
        #expect(again.moves == insertion.moves)
    }

    @Test("A fixed session is never moved: the new program stays unplaced, and the explanation names the booking")
    func fixedSessionsStay() throws {
        let fixed = Placement(
            key: SessionKey(program: "education-committee"), start: try instant("2026-01-05T14:00:00Z"),
            end: try instant("2026-01-05T15:00:00Z"), attendees: ["sderot-coordinator", "des-moines-chair"])
        let problem = try Self.problem(fixed: [fixed])
        let schedule = solveAndCheck(problem)
        let insertion = try ProgramScheduler.insert(try Self.urgent(), into: schedule, of: problem)
        expectValid(insertion.schedule, insertion.problem)
        #expect(insertion.moves.isEmpty)
        let unplaced = try #require(insertion.schedule.unplaced.first)
        #expect(unplaced.key == SessionKey(program: "urgent-needs"))
        #expect(
            unplaced.explanation.sentence
                == "no 60-minute slot in which the Sderot coordinator is not already booked between the earliest start (2026-01-05 14:00 UTC) and the deadline (2026-01-05 15:00 UTC)"
        )
        #expect(unplaced.explanation.isMinimum)
    }
}
