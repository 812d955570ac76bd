import Foundation
import JewishCalendar
import SchedulingEngine
import TestSupport

/// Times the scheduling engine on a generated year of 500 programs for 45 partnerships: the
/// full solve, single inserts into the solved year, and the checker that verifies both. Run
/// with `swift run -c release scheduling-benchmark`.
@main
struct SchedulingBenchmark {
    static func main() throws {
        let clock = ContinuousClock()
        var year: BenchmarkYear?
        let built = try clock.measure { year = try BenchmarkYear(seed: 2026) }
        guard let year else { return }
        let problem = year.problem
        let sessions = problem.programs.reduce(0) { $0 + $1.occurrenceCount * $1.sessions.count }
        print("SchedulingEngine benchmark: a year of \(problem.programs.count) programs for 45 partnerships")
        print(
            "  \(problem.participants.count) participants, \(problem.venues.count) venues, \(sessions) sessions to place; input built and checked in \(format(built))"
        )

        try baseline(problem)

        // Full solve, greedy placement alone and with the improvement pass: one run of each to
        // warm up, then three timed.
        _ = try solveTimed("greedy placement alone (improvement: none)", problem, improvement: .none, sessions: sessions)
        _ = try solveTimed(
            "greedy placement and sweeps of series and single moves (no ruin and recreate)", problem,
            improvement: ImprovementOptions(ruinSteps: 0), sessions: sessions)
        let schedule = try solveTimed(
            "full solve as the service runs it (improvement: standard)", problem, improvement: .standard, sessions: sessions)
        // The soft preferences' worth: the same year placed at the earliest feasible slots.
        let firstFit = try SchedulingProblem(
            participants: problem.participants, venues: problem.venues, programs: problem.programs,
            horizon: problem.horizon, now: problem.now,
            weights: SoftWeights(
                outsidePreferredHours: 0, outsideComfortableHours: 0, conferenceSpreadPerHour: 0, seriesDriftPerHour: 0,
                seriesWeekdayChange: 0, sameDayPair: 0, absentOptionalInvitee: 0))
        let firstFitSchedule = ProgramScheduler.solve(firstFit, improvement: .none)
        print(
            "  baseline, earliest feasible slots (weights all 0): \(firstFitSchedule.placements.count) placed, soft score \(SoftScore(firstFitSchedule, of: problem))"
        )
        let explainTime = clock.measure { _ = ScheduleExplainer.explain(schedule, of: problem) }
        print("  explaining every placement (on demand, not part of the solve): \(format(explainTime))")

        try inserts(year, into: schedule)
        print("")
        print("peak resident memory: \(peakResidentMegabytes()) MB")
    }

    /// Solves once to warm up and three times timed; prints the times, the checker's verdict
    /// and the soft score, and returns the schedule.
    static func solveTimed(
        _ label: String, _ problem: SchedulingProblem, improvement: ImprovementOptions, sessions: Int
    ) throws -> Schedule {
        let clock = ContinuousClock()
        print("")
        print(label)
        var schedule = ProgramScheduler.solve(problem, improvement: improvement)
        var timings: [Duration] = []
        var cpu: [Duration] = []
        for _ in 0..<3 {
            let cpuStart = threadCPUTime()
            timings.append(clock.measure { schedule = ProgramScheduler.solve(problem, improvement: improvement) })
            cpu.append(threadCPUTime() - cpuStart)
        }
        let checkTime = clock.measure { _ = ScheduleChecker.violations(in: schedule, of: problem) }
        let violations = ScheduleChecker.violations(in: schedule, of: problem)
        print("  wall time: \(timings.map(format).joined(separator: ", ")) (best \(format(timings.min() ?? .zero)))")
        print("  CPU time of this thread: \(cpu.map(format).joined(separator: ", "))")
        print("  sessions placed: \(schedule.placements.count) of \(sessions); unplaced: \(schedule.unplaced.count)")
        let placedPrograms = Set(schedule.placements.map(\.key.program))
        let completePrograms = problem.programs.filter { program in
            !schedule.unplaced.contains { $0.key.program == program.id } && placedPrograms.contains(program.id)
        }.count
        print("  programs placed in full: \(completePrograms) of \(problem.programs.count)")
        print("  hard-rule violations (checker): \(violations.count); checker time \(format(checkTime))")
        for violation in violations.prefix(5) { print("    \(violation.kind): \(violation.description)") }
        print("  soft score: \(SoftScore(schedule, of: problem))")
        for unplaced in schedule.unplaced.prefix(5) {
            print("  unplaced \(unplaced.key): \(unplaced.explanation)")
        }
        return schedule
    }

    /// The least any solve must do: Shabbat and festival windows for every distinct place over
    /// the horizon.
    static func baseline(_ problem: SchedulingProblem) throws {
        var places: [Place] = []
        for place in problem.participants.map(\.place) + problem.venues.map(\.place) where !places.contains(place) {
            places.append(place)
        }
        var windows = 0
        let elapsed = try ContinuousClock().measure {
            for place in places {
                let location = try GeoLocation(
                    latitude: place.latitude, longitude: place.longitude, timeZoneIdentifier: place.timeZoneIdentifier)
                windows += try ObservanceCalendar(location: location, policy: place.candleLighting)
                    .forbiddenWindows(from: problem.horizon.start, to: problem.horizon.end).count
            }
        }
        print("")
        print("baseline: Shabbat and festival windows of \(places.count) distinct places over the horizon")
        print("  \(windows) windows in \(format(elapsed))")
    }

    /// Inserts new joint meetings, one at a time, each into the solved year (not into each other).
    static func inserts(_ year: BenchmarkYear, into schedule: Schedule) throws {
        var random = SplitMix64(seed: 18)
        let count = 200
        var durations: [Duration] = []
        var cpu: [Duration] = []
        var placed = 0
        var moved = 0
        var withMoves = 0
        var checked = 0
        var violations = 0
        var unplacedShown = 0
        var notes: [String] = []
        let clock = ContinuousClock()
        for number in 0..<count {
            let partnership = Int.random(in: 0..<45, using: &random)
            let steering = schedule.placements(of: Program.ID("p\(partnership)-steering"))
            let program =
                number % 5 == 0 && !steering.isEmpty
                ? BenchmarkYear.urgentMeeting(
                    number, over: steering[Int.random(in: 0..<steering.count, using: &random)])
                : BenchmarkYear.newMeeting(
                    number, members: year.partnershipMembers[partnership], in: year.year, random: &random)
            var insertion: Insertion?
            let cpuStart = threadCPUTime()
            durations.append(
                try clock.measure { insertion = try ProgramScheduler.insert(program, into: schedule, of: year.problem) }
            )
            cpu.append(threadCPUTime() - cpuStart)
            guard let insertion else { continue }
            if insertion.schedule.placement(of: SessionKey(program: program.id)) != nil {
                placed += 1
            } else if let unplaced = insertion.schedule.unplaced.last, unplacedShown < 3 {
                unplacedShown += 1
                notes.append("  unplaced \(unplaced.key): \(unplaced.explanation)")
            }
            moved += insertion.moves.count
            if !insertion.moves.isEmpty { withMoves += 1 }
            checked += 1
            violations += ScheduleChecker.violations(in: insertion.schedule, of: insertion.problem).count
        }
        print("")
        print("single insert into the solved year: \(count) new one-hour meetings, each inserted on its own;")
        print(
            "  every fifth is urgent: the same people as a steering committee meeting, in the 90 minutes it already takes"
        )
        for line in notes { print(line) }
        print("  wall time: \(summary(durations))")
        print("  CPU time:  \(summary(cpu))")
        print(
            "  placed: \(placed) of \(count); inserts that moved sessions: \(withMoves), sessions moved in all: \(moved)"
        )
        print("  hard-rule violations in \(checked) checked results: \(violations)")
    }

    static func summary(_ durations: [Duration]) -> String {
        let sorted = durations.sorted()
        guard let maximum = sorted.last else { return "no samples" }
        let total = sorted.reduce(Duration.zero, +)
        func percentile(_ p: Double) -> Duration { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        return
            "mean \(format(total / sorted.count)), p50 \(format(percentile(0.5))), p90 \(format(percentile(0.9))), p99 \(format(percentile(0.99))), max \(format(maximum))"
    }

    static func format(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        switch seconds {
        case ..<1e-3: return String(format: "%.1f µs", seconds * 1e6)
        case ..<1: return String(format: "%.2f ms", seconds * 1e3)
        default: return String(format: "%.2f s", seconds)
        }
    }
}

/// CPU time this thread has used, which the other builds on a shared machine do not inflate.
func threadCPUTime() -> Duration {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
}

/// Peak resident set size of this process, from getrusage (kilobytes on Linux).
func peakResidentMegabytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss / 1024
}
