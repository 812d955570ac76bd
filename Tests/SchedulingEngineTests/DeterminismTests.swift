import Foundation
import SchedulingEngine
import TestSupport
import Testing

@Suite("Random partnerships: every result keeps every hard rule, and the same input gives the same result")
struct DeterminismTests {
    static let cities = [
        Places.sderot, Places.westernGalilee, Places.jerusalem, Places.desMoines, Places.melbourne, Places.newOrleans,
    ]

    /// A few partnerships with committees, needs assessments, reviews and visits over half a
    /// year, busy enough that sessions compete for people and rooms.
    static func problem(seed: UInt64) throws -> SchedulingProblem {
        var random = SplitMix64(seed: seed)
        let start = try instant("2026-01-01T00:00:00Z")
        var participants: [Participant] = []
        var venues: [Venue] = []
        var programs: [Program] = []
        for partnership in 0..<4 {
            let israeli = cities[partnership % 3]
            let abroad = cities[3 + partnership % 3]
            let members = (0..<4).map { index -> Participant in
                let place = index < 2 ? israeli : abroad
                let hours = index < 2 ? Hours.israeliWeek(8, 21) : Hours.diasporaWeek(7, 22)
                return person(
                    "p\(partnership)-member\(index)", "\(place.name) committee member \(index + 1)", at: place,
                    hours: hours,
                    comfortable: index < 2 ? Hours.israeliWeek(9, 17) : Hours.diasporaWeek(9, 17))
            }
            participants += members
            venues.append(
                Venue(id: Venue.ID("p\(partnership)-hall"), name: "\(israeli.name) hall", place: israeli, capacity: 30))
            let invite = members.map { Invitee.participant($0.id) }
            programs.append(
                Program(
                    id: Program.ID("p\(partnership)-steering"), title: "Steering committee \(partnership)",
                    kind: .committeeMeeting,
                    organiser: members[0].id, required: Array(invite[0...2]), optional: [invite[3]],
                    sessions: [.single(.minutes(90))], earliestStart: start + 3 * 86_400, deadline: start + 13 * 86_400,
                    recurrence: .monthly(count: 6)))
            for index in 0..<6 {
                let from = start + TimeInterval(Int.random(in: 0..<150, using: &random)) * 86_400
                programs.append(
                    Program(
                        id: Program.ID("p\(partnership)-needs-\(index)"), title: "Needs assessment \(index)",
                        kind: .needsAssessment,
                        organiser: members[1].id, required: [invite[1], invite[2 + index % 2]],
                        sessions: [.single(.minutes(60))], earliestStart: from,
                        deadline: from + TimeInterval(Int.random(in: 2..<10, using: &random)) * 86_400))
            }
            let visitStart = start + TimeInterval(Int.random(in: 20..<140, using: &random)) * 86_400
            programs.append(
                Program(
                    id: Program.ID("p\(partnership)-visit"), title: "Visit \(partnership)", kind: .visit,
                    organiser: members[0].id,
                    format: .inPerson(venues: [Venue.ID("p\(partnership)-hall")], observance: .travellersHomeSchedule),
                    required: [invite[0], invite[2]], sessions: [.single(.days(2), additionalHeadcount: 15)],
                    earliestStart: visitStart, deadline: visitStart + 21 * 86_400))
        }
        return try SchedulingProblem(
            participants: participants, venues: venues, programs: programs,
            horizon: DateInterval(start: start, duration: 200 * 86_400), now: start)
    }

    @Test("Random problems are solved without breaking a hard rule", arguments: [1, 2, 3] as [UInt64])
    func randomProblemsKeepTheRules(seed: UInt64) throws {
        let problem = try Self.problem(seed: seed)
        let schedule = solveAndCheck(problem)
        #expect(
            schedule.placements.count + schedule.unplaced.count
                == problem.programs.reduce(0) { $0 + $1.occurrenceCount })
        for unplaced in schedule.unplaced {
            #expect(!unplaced.explanation.rules.isEmpty, "\(unplaced.key): \(unplaced.explanation)")
        }
    }

    @Test("The order of the input arrays does not change the schedule")
    func orderDoesNotMatter() throws {
        let problem = try Self.problem(seed: 7)
        var random = SplitMix64(seed: 99)
        let shuffled = try SchedulingProblem(
            participants: problem.participants.shuffled(using: &random),
            venues: problem.venues.shuffled(using: &random),
            programs: problem.programs.shuffled(using: &random), horizon: problem.horizon, now: problem.now)
        let first = ProgramScheduler.solve(problem)
        #expect(ProgramScheduler.solve(shuffled) == first)
        #expect(ProgramScheduler.solve(problem) == first)
        #expect(SoftScore(first, of: problem) == SoftScore(ProgramScheduler.solve(shuffled), of: shuffled))
    }

    @Test("Every placement of a random schedule can be explained")
    func placementsAreExplained() throws {
        let problem = try Self.problem(seed: 3)
        let schedule = ProgramScheduler.solve(problem)
        let explanations = ScheduleExplainer.explain(schedule, of: problem)
        #expect(explanations.map(\.placement) == schedule.placements)
        #expect(explanations.allSatisfy { !$0.description.isEmpty && !$0.isFixed })
    }
}
