import Foundation
import SchedulingEngine
import Testing

@Suite("Soft festival seasons: Chol HaMoed and the afternoon of a festival's eve")
struct FestivalSeasonTests {
    static let participants = [
        person("sderot-coordinator", "Sderot coordinator", at: Places.sderot, hours: Hours.israeliWeek(8, 20)),
        person("jerusalem-agency", "Agency partnership manager", at: Places.jerusalem, hours: Hours.israeliWeek(8, 20)),
    ]

    static func problem(
        minutes: Int, from earliest: String, deadline: String = "2026-06-15T00:00:00Z", weights: SoftWeights
    ) throws -> SchedulingProblem {
        let program = Program(
            id: "review", title: "Partnership review", kind: .committeeMeeting, organiser: "jerusalem-agency",
            required: [.participant("sderot-coordinator"), .participant("jerusalem-agency")],
            sessions: [.single(.minutes(minutes))], earliestStart: try instant(earliest),
            deadline: try instant(deadline))
        return try SchedulingProblem(
            participants: participants, programs: [program],
            horizon: DateInterval(start: try instant("2026-03-25T00:00:00Z"), duration: 90 * 86_400),
            now: try instant("2026-03-25T00:00:00Z"), weights: weights)
    }

    @Test(
        "By default a meeting may fall on Chol HaMoed Pesach; with a weight it waits for Thursday after the seventh day")
    func cholHamoedPesach() throws {
        // Sunday 5 April 2026 is 18 Nisan 5786, Chol HaMoed in Israel; Wednesday 8 April is Pesach VII.
        let unweighted = try Self.problem(minutes: 60, from: "2026-04-05T00:00:00Z", weights: .standard)
        let plain = solveAndCheck(unweighted)
        #expect(try placement(of: "review", in: plain).start == (try instant("2026-04-05T05:00:00Z")))
        #expect(SoftScore(plain, of: unweighted).cholHamoedAttendances == 2)
        #expect(SoftScore(plain, of: unweighted).total == 0)

        var weights = SoftWeights.standard
        weights.cholHamoed = 5
        let weighted = try Self.problem(minutes: 60, from: "2026-04-05T00:00:00Z", weights: weights)
        for improvement in [ImprovementOptions.none, .standard] {
            let schedule = ProgramScheduler.solve(weighted, improvement: improvement)
            expectValid(schedule, weighted)
            // Thursday 9 April, 08:00 in Israel.
            #expect(try placement(of: "review", in: schedule).start == (try instant("2026-04-09T05:00:00Z")))
            let score = SoftScore(schedule, of: weighted)
            #expect(score.cholHamoedAttendances == 0)
            #expect(score.total == 0)
        }
        // The plain schedule costs what the weight says under the weighted problem.
        #expect(SoftScore(plain, of: weighted).total == 10)
    }

    @Test("A meeting that can only fall on Chol HaMoed is placed there, and its explanation says so")
    func cholHamoedUnavoidable() throws {
        var weights = SoftWeights.standard
        weights.cholHamoed = 5
        let problem = try Self.problem(
            minutes: 60, from: "2026-04-05T00:00:00Z", deadline: "2026-04-07T00:00:00Z", weights: weights)
        let schedule = solveAndCheck(problem)
        let meeting = try placement(of: "review", in: schedule)
        #expect(meeting.start == (try instant("2026-04-05T05:00:00Z")))
        #expect(SoftScore(schedule, of: problem).total == 10)
        let explanation = try #require(ScheduleExplainer.explain(meeting.key, in: schedule, of: problem))
        #expect(explanation.preferences == ["on Chol HaMoed for the Agency partnership manager and Sderot coordinator"])
    }

    @Test("A weight on a festival's eve keeps a meeting out of its afternoon: before noon it may stay, past noon it moves")
    func erevShavuotAfternoon() throws {
        var weights = SoftWeights.standard
        weights.festivalEveAfternoon = 4
        // Thursday 21 May 2026 is Erev Shavuot; 10:00 in Israel is 07:00 UTC.
        let morning = try Self.problem(minutes: 120, from: "2026-05-21T07:00:00Z", weights: weights)
        let kept = solveAndCheck(morning)
        #expect(try placement(of: "review", in: kept).start == (try instant("2026-05-21T07:00:00Z")))
        #expect(SoftScore(kept, of: morning).festivalEveAfternoonAttendances == 0)

        let intoAfternoon = try Self.problem(minutes: 180, from: "2026-05-21T07:00:00Z", weights: weights)
        let moved = solveAndCheck(intoAfternoon)
        // Shavuot and Shabbat follow; Sunday 24 May, 08:00 in Israel.
        #expect(try placement(of: "review", in: moved).start == (try instant("2026-05-24T05:00:00Z")))
        #expect(SoftScore(moved, of: intoAfternoon).total == 0)

        let unweighted = try Self.problem(minutes: 180, from: "2026-05-21T07:00:00Z", weights: .standard)
        let plain = solveAndCheck(unweighted)
        #expect(try placement(of: "review", in: plain).start == (try instant("2026-05-21T07:00:00Z")))
        #expect(SoftScore(plain, of: unweighted).festivalEveAfternoonAttendances == 2)
    }
}
