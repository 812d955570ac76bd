import Foundation
import SchedulingEngine
import Testing

@Suite("The improvement pass after the greedy placement")
struct ImprovementTests {
    @Test(
        "it keeps every hard rule, places as much, and never leaves the score higher than the greedy placement",
        arguments: [1, 2, 3, 4, 5] as [UInt64])
    func improvesWithinTheRules(seed: UInt64) throws {
        let problem = try DeterminismTests.problem(seed: seed)
        let greedy = ProgramScheduler.solve(problem, improvement: .none)
        let improved = ProgramScheduler.solve(problem, improvement: .standard)
        expectValid(improved, problem)
        #expect(improved.placements.count == greedy.placements.count)
        #expect(Set(improved.unplaced.map(\.key)) == Set(greedy.unplaced.map(\.key)))
        #expect(SoftScore(improved, of: problem).total <= SoftScore(greedy, of: problem).total + 1e-9)
    }

    @Test("a monthly series anchored on a weekday its later months cannot keep moves to one weekday all of them can keep")
    func seriesMovesToOneWeekday() throws {
        // Sundays are taken in February and March: the greedy placement anchors the series on
        // Sunday 4 January and moves the two later meetings to the first day of their windows,
        // Wednesday 4 February and 4 March. The pass moves the whole series to the cheapest
        // weekday and time every month can have: Monday, the first such day, at 09:00.
        let sundays = try ["2026-02-08", "2026-03-08"].map { day in
            DateInterval(start: try instant("\(day)T00:00:00+02:00"), duration: 86_400)
        }
        let chair = person(
            "chair", "Committee chair", at: Places.jerusalem, hours: Hours.israeliWeek(8, 21),
            comfortable: Hours.israeliWeek(9, 17), unavailable: sundays)
        let treasurer = person(
            "treasurer", "Committee treasurer", at: Places.jerusalem, hours: Hours.israeliWeek(8, 21),
            comfortable: Hours.israeliWeek(9, 17))
        let start = try instant("2026-01-04T00:00:00Z")
        let problem = try SchedulingProblem(
            participants: [chair, treasurer],
            programs: [
                Program(
                    id: "budget-committee", title: "Budget committee", kind: .committeeMeeting, organiser: chair.id,
                    required: [.participant(chair.id), .participant(treasurer.id)], sessions: [.single(.minutes(60))],
                    earliestStart: start, deadline: start + 7 * 86_400, recurrence: .monthly(count: 3))
            ], horizon: DateInterval(start: start, duration: 120 * 86_400), now: start)
        let greedy = ProgramScheduler.solve(problem, improvement: .none)
        let improved = ProgramScheduler.solve(problem, improvement: .standard)
        expectValid(improved, problem)
        #expect(SoftScore(greedy, of: problem).seriesWeekdayChanges == 2)
        #expect(SoftScore(improved, of: problem).seriesWeekdayChanges == 0)
        #expect(SoftScore(improved, of: problem).total < SoftScore(greedy, of: problem).total)
        let weekdays = Set(
            improved.placements.map { placement in
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = TimeZone(identifier: "Asia/Jerusalem")!
                return calendar.component(.weekday, from: placement.start)
            })
        #expect(weekdays == [2], "Monday for every meeting")
        #expect(SoftScore(improved, of: problem).seriesDriftHours == 0)
    }

    @Test("the same seed gives the same schedule; ruin and recreate draws from the seed alone")
    func deterministicForASeed() throws {
        let problem = try DeterminismTests.problem(seed: 4)
        let options = ImprovementOptions(ruinSteps: 60, seed: 99)
        #expect(ProgramScheduler.solve(problem, improvement: options) == ProgramScheduler.solve(problem, improvement: options))
    }

    @Test("sessions people have been told about stay where they were")
    func announcedSessionsStay() throws {
        let problem = try DeterminismTests.problem(seed: 2)
        let greedy = ProgramScheduler.solve(problem, improvement: .none)
        let announced = Set(greedy.placements.map(\.key).filter { $0.program.description.hasSuffix("-steering") })
        #expect(!announced.isEmpty)
        let improved = ProgramScheduler.solve(problem, improvement: ImprovementOptions(announced: announced))
        expectValid(improved, problem)
        for key in announced {
            #expect(improved.placement(of: key) == greedy.placement(of: key), "\(key) moved")
        }
    }

    @Test("an absent optional invitee costs at least as much as one who attends outside comfortable hours on a busy day")
    func absenceIsNeverTheCheapWayOut() {
        let weights = SoftWeights.standard
        #expect(weights.absentOptionalInvitee >= weights.outsideComfortableHours + weights.sameDayPair)
    }
}
