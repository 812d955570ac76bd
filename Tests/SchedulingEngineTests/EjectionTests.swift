import Foundation
import SchedulingEngine
import TestSupport
import Testing

@Suite("Series ejections in the search: a whole series to a weekday and time others stand in the way of")
struct EjectionTests {
    static func searching(steps: Int, ejections: Bool, seed: UInt64 = 1, announced: Set<SessionKey> = [])
        -> ImprovementOptions
    {
        ImprovementOptions(searchSteps: steps, seriesEjections: ejections, seed: seed, announced: announced)
    }

    @Test("with ejections the search keeps every hard rule and places as much", arguments: [1, 2, 3] as [UInt64])
    func ejectionsKeepTheRules(seed: UInt64) throws {
        let problem = try DeterminismTests.problem(seed: seed)
        let standard = ProgramScheduler.solve(problem, improvement: .standard)
        let searched = ProgramScheduler.solve(problem, improvement: Self.searching(steps: 150, ejections: true, seed: seed))
        expectValid(searched, problem)
        #expect(searched.placements.count == standard.placements.count)
        #expect(SoftScore(searched, of: problem).total <= SoftScore(standard, of: problem).total + 1e-9)
    }

    @Test("the same seed gives the same schedule")
    func ejectionsAreDeterministic() throws {
        let problem = try DeterminismTests.problem(seed: 4)
        let options = Self.searching(steps: 200, ejections: true, seed: 7)
        #expect(ProgramScheduler.solve(problem, improvement: options) == ProgramScheduler.solve(problem, improvement: options))
    }

    @Test("announced sessions are never ejected")
    func announcedSessionsStay() throws {
        let problem = try DeterminismTests.problem(seed: 2)
        let greedy = ProgramScheduler.solve(problem, improvement: .none)
        let announced = Set(greedy.placements.map(\.key).filter { $0.occurrence == 0 })
        #expect(!announced.isEmpty)
        let searched = ProgramScheduler.solve(
            problem, improvement: Self.searching(steps: 200, ejections: true, announced: announced))
        expectValid(searched, problem)
        for key in announced {
            #expect(searched.placement(of: key) == greedy.placement(of: key), "\(key) moved")
        }
    }
}
