import Foundation
import SchedulingEngine
import TestSupport
import Testing

@Suite("The search after the improvement pass: sessions taken out and placed again, the best kept")
struct SearchTests {
    static func searching(steps: Int, seed: UInt64 = 1, announced: Set<SessionKey> = []) -> ImprovementOptions {
        ImprovementOptions(searchSteps: steps, seed: seed, announced: announced)
    }

    @Test(
        "it keeps every hard rule, places as much, and never ends above the pass it starts from",
        arguments: [1, 2, 3, 4, 5] as [UInt64])
    func searchKeepsTheRules(seed: UInt64) throws {
        let problem = try DeterminismTests.problem(seed: seed)
        let standard = ProgramScheduler.solve(problem, improvement: .standard)
        let searched = ProgramScheduler.solve(problem, improvement: Self.searching(steps: 150, seed: seed))
        expectValid(searched, problem)
        #expect(searched.placements.count == standard.placements.count)
        #expect(Set(searched.unplaced.map(\.key)) == Set(standard.unplaced.map(\.key)))
        #expect(SoftScore(searched, of: problem).total <= SoftScore(standard, of: problem).total + 1e-9)
    }

    @Test("on the generated problems it finds schedules the pass alone does not: the score drops")
    func searchLowersTheScore() throws {
        var lower = 0
        for seed in [1, 2, 3, 4, 5] as [UInt64] {
            let problem = try DeterminismTests.problem(seed: seed)
            let standard = SoftScore(ProgramScheduler.solve(problem, improvement: .standard), of: problem).total
            let searched = SoftScore(
                ProgramScheduler.solve(problem, improvement: Self.searching(steps: 300)), of: problem
            ).total
            if searched < standard - 1e-9 { lower += 1 }
        }
        #expect(lower >= 2, "the search lowered the score on \(lower) of 5 problems")
    }

    @Test("two sessions in each other's way: taken out together and placed again, the guest can come")
    func searchLetsTheGuestCome() throws {
        // The swap test's meetings, with neither swaps nor ruin-and-recreate steps in the pass:
        // only the search can move both.
        let problem = try SwapTests.blockedGuest()
        let pass = ImprovementOptions(swaps: false, ruinSteps: 0)
        var searching = pass
        searching.searchSteps = 40
        let before = ProgramScheduler.solve(problem, improvement: pass)
        let after = ProgramScheduler.solve(problem, improvement: searching)
        expectValid(after, problem)
        #expect(try placement(of: "planning", in: before).absentees == ["guest"])
        let planning = try placement(of: "planning", in: after)
        #expect(planning.attendees.contains("guest"))
        #expect(planning.absentees.isEmpty)
        #expect(SoftScore(after, of: problem).total < SoftScore(before, of: problem).total)
    }

    @Test("the same seed gives the same schedule, whatever the input order")
    func searchIsDeterministic() throws {
        let problem = try DeterminismTests.problem(seed: 3)
        let options = Self.searching(steps: 200, seed: 11)
        let first = ProgramScheduler.solve(problem, improvement: options)
        #expect(ProgramScheduler.solve(problem, improvement: options) == first)
        var random = SplitMix64(seed: 5)
        let shuffled = try SchedulingProblem(
            participants: problem.participants.shuffled(using: &random), venues: problem.venues.shuffled(using: &random),
            programs: problem.programs.shuffled(using: &random), horizon: problem.horizon, now: problem.now)
        #expect(ProgramScheduler.solve(shuffled, improvement: options) == first)
    }

    @Test("sessions people have been told about stay where they were, with their attendees")
    func announcedSessionsStay() throws {
        let problem = try DeterminismTests.problem(seed: 2)
        let greedy = ProgramScheduler.solve(problem, improvement: .none)
        let announced = Set(greedy.placements.map(\.key).filter { $0.program.description.hasSuffix("-steering") })
        #expect(!announced.isEmpty)
        let searched = ProgramScheduler.solve(problem, improvement: Self.searching(steps: 200, announced: announced))
        expectValid(searched, problem)
        for key in announced {
            #expect(searched.placement(of: key) == greedy.placement(of: key), "\(key) moved")
        }
    }

    @Test("a time budget stops the search and still returns a valid schedule that places as much")
    func budgetStopsTheSearch() throws {
        let problem = try DeterminismTests.problem(seed: 1)
        let standard = ProgramScheduler.solve(problem, improvement: .standard)
        let searched = ProgramScheduler.solve(problem, improvement: .searching(for: .milliseconds(50)))
        expectValid(searched, problem)
        #expect(searched.placements.count == standard.placements.count)
    }
}
