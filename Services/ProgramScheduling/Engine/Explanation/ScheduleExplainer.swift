import Foundation

/// Explains placements: for each session, which hard rules shaped where it went (leaving the
/// rule out would give a better slot) and which soft preferences it misses.
///
/// A rule is tried by leaving it out and searching the occurrence's window, widened by a week
/// on each side, again with everything else as it is in the schedule.
public enum ScheduleExplainer {
    /// Days searched before the earliest start and after the deadline, to see whether the
    /// window itself shaped a placement.
    static let widening = 7 * 86_400

    /// An explanation of every placement, in the schedule's order.
    public static func explain(_ schedule: Schedule, of problem: SchedulingProblem) -> [PlacementExplanation] {
        let explainer = Explainer(schedule, problem)
        return schedule.placements.map { explainer.explain($0) }
    }

    /// The explanation of one placement, if the schedule has it.
    public static func explain(_ key: SessionKey, in schedule: Schedule, of problem: SchedulingProblem)
        -> PlacementExplanation?
    {
        schedule.placement(of: key).map { Explainer(schedule, problem).explain($0) }
    }

    private struct Explainer {
        let problem: SchedulingProblem
        let index: AvailabilityIndex
        let state: SolverState

        init(_ schedule: Schedule, _ problem: SchedulingProblem) {
            self.problem = problem
            index = AvailabilityIndex(problem)
            let now = problem.now.instant
            state = SolverState(
                problem, index: index,
                placements: schedule.placements.compactMap {
                    PlacedSession(
                        $0, in: problem, isLocked: problem.fixedIndex[$0.key] != nil || $0.start.instant < now)
                })
        }

        func explain(_ placement: Placement) -> PlacementExplanation {
            guard let unit = state.unit(placement.key), let placed = state.occupancy.placed[placement.key],
                !placed.isLocked
            else {
                return PlacementExplanation(placement: placement, isFixed: true, shapedBy: [], preferences: [])
            }
            var occupancy = state.occupancy
            occupancy.remove(placement.key)
            let base = state.baseRange
            let start = max(base.start, unit.window.start - widening)
            let range = Span(start, max(start, min(base.end, unit.window.end + widening)))
            let rules = UnitRules(unit, over: range, index: index, occupancy: occupancy) { _ in true }
            let chooser = SlotChooser(rules, index: index, occupancy: occupancy)
            let option = placed.venue.flatMap { unit.plan.venues.firstIndex(of: $0) } ?? 0
            let actual = chooser.choice(at: placed.span, option: option)

            var shapedBy: [ShapingRule] = []
            for position in rules.groups.indices {
                var included = Array(repeating: true, count: rules.groups.count)
                included[position] = false
                guard let better = chooser.best(in: rules.freeTime(including: included)),
                    actual.map({ better.isBetter(than: $0) }) ?? true
                else { continue }
                let group = rules.groups[position]
                let cheaper = better.score < (actual?.score ?? .infinity) - SlotChooser.tolerance
                // Any earliest start rules out earlier slots; it is news only when they were better.
                if case .earliestStart = group.rule, !cheaper { continue }
                let reason =
                    cheaper
                    ? "with a lower soft cost (\(Self.format(better.score)) instead of \(Self.format(actual?.score ?? .infinity)))"
                    : "which is earlier"
                shapedBy.append(
                    ShapingRule(
                        rule: group.rule, alternative: Date(instant: better.span.start),
                        sentence:
                            "\(phrase(group, at: better.span)) ruled out \(InstantText.utc(better.span.start)), \(reason)"
                    ))
            }
            return PlacementExplanation(
                placement: placement, isFixed: false, shapedBy: shapedBy,
                preferences: preferences(placement, unit, placed))
        }

        /// The rule in a few words; for Shabbat and festivals, the days that block `slot`.
        private func phrase(_ group: RuleGroup, at slot: Span) -> String {
            switch group.rule {
            case .shabbatAndFestivals(let place):
                guard let rest = group.rest else { return "Shabbat and festivals in \(place)" }
                let blocking = index.restWindows(rest.calendar).windows.filter {
                    $0.start.instant < slot.end && slot.start < $0.end.instantRoundedUp
                }
                var names: [String] = []
                for day in blocking.flatMap(\.days) {
                    for name in day.yomTov.isEmpty ? ["Shabbat"] : day.yomTov.map(RulePhrasing.festival)
                    where !names.contains(name) {
                        names.append(name)
                    }
                }
                return (names.isEmpty ? "Shabbat and festivals" : RulePhrasing.list(names)) + " in \(place)"
            case .workingHours(let place, _): return "working hours in \(place)"
            case .participantBooked(let id): return "other sessions of the \(name(id))"
            case .participantUnavailable(let id): return "unavailability of the \(name(id))"
            case .earliestStart(let date): return "the earliest start (\(InstantText.utc(date)))"
            case .deadline(let date): return "the deadline (\(InstantText.utc(date)))"
            case .venueCapacity(let headcount): return "room for \(headcount) people"
            case .venueOpeningHours: return "venue opening hours"
            case .venueBooked: return "other bookings of the venue"
            case .venueUnavailable: return "venue unavailability"
            }
        }

        private func preferences(_ placement: Placement, _ unit: SessionUnit, _ placed: PlacedSession) -> [String] {
            var notes: [String] = []
            let program = problem.programs[unit.program]
            if unit.seconds != nil, let preferred = program.preferredHours,
                let zone = TimeZone(identifier: preferred.timeZoneIdentifier),
                !ScheduleChecker.lies(placement.start, placement.end, within: preferred.hours, in: zone)
            {
                notes.append("outside the preferred hours (\(preferred.hours), \(preferred.timeZoneIdentifier))")
            }
            if unit.seconds != nil {
                let uncomfortable = placed.attendees.filter { participant in
                    let person = problem.participants[participant]
                    return !index.comfortableHours(ofParticipant: participant).contains(placed.span)
                        && person.comfortableHours != person.acceptableHours
                }
                if !uncomfortable.isEmpty {
                    notes.append(
                        "outside the comfortable hours of the "
                            + RulePhrasing.list(uncomfortable.map { problem.participants[$0].name }))
                }
            }
            if problem.weights.cholHamoed > 0 || problem.weights.festivalEveAfternoon > 0 {
                let seasons = placed.attendees.map { index.festivalSeasons(ofParticipant: $0) }
                let onCholHamoed = zip(placed.attendees, seasons).filter {
                    problem.weights.cholHamoed > 0 && $0.1.cholHamoed.overlaps(placed.span)
                }
                if !onCholHamoed.isEmpty {
                    notes.append(
                        "on Chol HaMoed for the "
                            + RulePhrasing.list(onCholHamoed.map { problem.participants[$0.0].name }))
                }
                let onEve = zip(placed.attendees, seasons).filter {
                    problem.weights.festivalEveAfternoon > 0 && $0.1.eveAfternoons.overlaps(placed.span)
                }
                if !onEve.isEmpty {
                    notes.append(
                        "in the afternoon of a festival's eve for the "
                            + RulePhrasing.list(onEve.map { problem.participants[$0.0].name }))
                }
            }
            if !placed.absentees.isEmpty {
                notes.append(
                    "the " + RulePhrasing.list(placed.absentees.map { problem.participants[$0].name })
                        + " cannot attend")
            }
            let load = placed.attendees.map {
                SlotChooser.DayLoad(
                    participant: $0, around: placed.span, index: index, occupancy: state.occupancy,
                    excluding: placed.key)
            }
            let venueClock = placed.venue.map { index.clock(ofVenue: $0) }
            for (participant, load) in zip(placed.attendees, load) {
                let others = load.count(at: placed.span.start, venueClock: venueClock)
                if others > 0 {
                    notes.append("the \(problem.participants[participant].name) has \(others) more that day")
                }
            }
            return notes
        }

        private func name(_ id: Participant.ID) -> String {
            problem.participant(id)?.name ?? id.rawValue
        }

        static func format(_ score: Double) -> String {
            String(format: "%.2f", score)
        }
    }
}
