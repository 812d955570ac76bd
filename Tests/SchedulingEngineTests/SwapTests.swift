import Foundation
import SchedulingEngine
import TestSupport
import Testing

@Suite("Swaps in the improvement pass: two sessions exchange slots")
struct SwapTests {
    /// Two meetings of one chair on Sunday 4 January 2026 in Jerusalem. The board meeting may
    /// only be that day, so the greedy placement books it first, at 09:00. The planning meeting
    /// (any time to Tuesday) would like 09:00 too: its optional guest can come only then.
    /// Greedy puts it at 10:00 without the guest; no single move helps (09:00 is the board's,
    /// and the board costs nothing where it is), but the two exchanging slots does.
    static func blockedGuest() throws -> SchedulingProblem {
        let start = try instant("2026-01-03T22:00:00Z")
        let chair = person(
            "chair", "Committee chair", at: Places.jerusalem, hours: Hours.israeliWeek(8, 21),
            comfortable: Hours.israeliWeek(9, 17))
        let treasurer = person(
            "treasurer", "Treasurer", at: Places.jerusalem, hours: Hours.israeliWeek(8, 21),
            comfortable: Hours.israeliWeek(9, 17))
        let secretary = person(
            "secretary", "Secretary", at: Places.jerusalem, hours: Hours.israeliWeek(8, 21),
            comfortable: Hours.israeliWeek(9, 17))
        let guest = person(
            "guest", "Guest speaker", at: Places.jerusalem, hours: Hours.israeliWeek(9, 10),
            unavailable: [DateInterval(start: start + 86_400, duration: 30 * 86_400)])
        return try SchedulingProblem(
            participants: [chair, treasurer, secretary, guest],
            programs: [
                Program(
                    id: "board", title: "Board meeting", kind: .committeeMeeting, organiser: chair.id,
                    required: [.participant(chair.id), .participant(treasurer.id)], sessions: [.single(.minutes(60))],
                    earliestStart: start, deadline: start + 86_400),
                Program(
                    id: "planning", title: "Planning meeting", kind: .committeeMeeting, organiser: chair.id,
                    required: [.participant(chair.id), .participant(secretary.id)], optional: [.participant(guest.id)],
                    sessions: [.single(.minutes(60))], earliestStart: start, deadline: start + 3 * 86_400),
            ], horizon: DateInterval(start: start, duration: 30 * 86_400), now: start)
    }

    @Test("two sessions that block each other's better slot exchange them, and the guest can come")
    func swapLetsTheGuestCome() throws {
        let problem = try Self.blockedGuest()
        let withoutSwaps = ProgramScheduler.solve(problem, improvement: ImprovementOptions(swaps: false, ruinSteps: 0))
        let withSwaps = ProgramScheduler.solve(problem, improvement: ImprovementOptions(swaps: true, ruinSteps: 0))
        expectValid(withoutSwaps, problem)
        expectValid(withSwaps, problem)
        let planningBefore = try placement(of: "planning", in: withoutSwaps)
        #expect(planningBefore.absentees == ["guest"])
        let planning = try placement(of: "planning", in: withSwaps)
        let board = try placement(of: "board", in: withSwaps)
        #expect(planning.start == (try instant("2026-01-04T09:00:00+02:00")))
        #expect(planning.attendees.contains("guest"))
        #expect(planning.absentees.isEmpty)
        #expect(board.start == (try instant("2026-01-04T10:00:00+02:00")))
        #expect(SoftScore(withSwaps, of: problem).absentOptionalInvitees == 0)
        #expect(SoftScore(withSwaps, of: problem).total < SoftScore(withoutSwaps, of: problem).total)
    }

    @Test(
        "with swaps, every result keeps every hard rule, places as much and scores no worse than the greedy placement",
        arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func swapsKeepTheRules(seed: UInt64) throws {
        let problem = try DeterminismTests.problem(seed: seed)
        let greedy = ProgramScheduler.solve(problem, improvement: .none)
        let swapped = ProgramScheduler.solve(problem, improvement: ImprovementOptions(rounds: 3, swaps: true, ruinSteps: 0))
        expectValid(swapped, problem)
        #expect(swapped.placements.count == greedy.placements.count)
        #expect(Set(swapped.unplaced.map(\.key)) == Set(greedy.unplaced.map(\.key)))
        #expect(SoftScore(swapped, of: problem).total <= SoftScore(greedy, of: problem).total + 1e-9)
    }

    @Test("swaps are deterministic: the same problem and seed give the same schedule, whatever the input order")
    func swapsAreDeterministic() throws {
        let problem = try DeterminismTests.problem(seed: 5)
        let options = ImprovementOptions(rounds: 3, swaps: true, ruinSteps: 30, seed: 7)
        let first = ProgramScheduler.solve(problem, improvement: options)
        #expect(ProgramScheduler.solve(problem, improvement: options) == first)
        var random = SplitMix64(seed: 3)
        let shuffled = try SchedulingProblem(
            participants: problem.participants.shuffled(using: &random), venues: problem.venues.shuffled(using: &random),
            programs: problem.programs.shuffled(using: &random), horizon: problem.horizon, now: problem.now)
        #expect(ProgramScheduler.solve(shuffled, improvement: options) == first)
    }

    @Test("swaps never move a session people have been told about")
    func announcedSessionsAreNotSwapped() throws {
        let problem = try Self.blockedGuest()
        let greedy = ProgramScheduler.solve(problem, improvement: .none)
        let announced: Set<SessionKey> = [SessionKey(program: "board")]
        let improved = ProgramScheduler.solve(
            problem, improvement: ImprovementOptions(swaps: true, ruinSteps: 0, announced: announced))
        expectValid(improved, problem)
        #expect(improved.placement(of: SessionKey(program: "board")) == greedy.placement(of: SessionKey(program: "board")))
    }
}
