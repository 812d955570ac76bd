/// The solver's working state for one solve or insert: the problem's sessions, what is booked,
/// and the cached time sets; places one session at a time, and makes room for one by moving
/// as few others as it can.
struct SolverState {
    let problem: SchedulingProblem
    let index: AvailabilityIndex
    var occupancy: Occupancy

    /// Starts from the given placements; locked ones never move.
    init(_ problem: SchedulingProblem, index: AvailabilityIndex, placements: [PlacedSession]) {
        self.problem = problem
        self.index = index
        occupancy = Occupancy(
            participants: problem.participants.count, venues: problem.venues.count, placed: placements)
    }

    /// The unit a key names, if it is a session of the problem.
    func unit(_ key: SessionKey) -> SessionUnit? {
        guard let (program, session) = problem.locate(key) else { return nil }
        let resolved = problem.resolved[program]
        return SessionUnit(
            key: key, program: program, session: session, plan: resolved.sessions[session],
            window: resolved.windows[key.occurrence])
    }

    /// From now (or the start of the horizon, if later) to the end of the horizon.
    var baseRange: Span {
        let horizon = problem.horizonSpan
        return Span(max(horizon.start, problem.now.instant), horizon.end)
    }

    /// Where the solver looks for a unit: its window within the base range.
    func searchRange(of unit: SessionUnit) -> Span {
        unit.window.clipped(to: baseRange)
    }

    /// The rules of a unit over its search range with every booking counted.
    func rules(of unit: SessionUnit) -> UnitRules {
        UnitRules(unit, over: searchRange(of: unit), index: index, occupancy: occupancy) { _ in true }
    }

    /// How much room a unit has before anything is booked: seconds of possible starts.
    func room(of unit: SessionUnit) -> Int {
        let rules = UnitRules(unit, over: searchRange(of: unit), index: index, occupancy: occupancy) { _ in false }
        return rules.freeTime().reduce(0) { total, free in
            total + (unit.seconds.map { free.startsFitting($0).totalLength } ?? free.totalLength)
        }
    }

    // MARK: - Placing

    /// Places a unit at its best slot; false when the rules leave none.
    mutating func place(_ unit: SessionUnit) -> Bool {
        let rules = rules(of: unit)
        guard let choice = SlotChooser(rules, index: index, occupancy: occupancy).best(in: rules.freeTime()) else {
            return false
        }
        occupancy.add(placed(unit, choice, rules: rules))
        return true
    }

    /// Places a unit at a slot of the lowest cost drawn from the generator among those of equal
    /// cost; false when the rules leave none.
    mutating func place(_ unit: SessionUnit, random: inout SeededRandom) -> Bool {
        let rules = rules(of: unit)
        guard let choice = SlotChooser(rules, index: index, occupancy: occupancy).best(in: rules.freeTime(), random: &random)
        else {
            return false
        }
        occupancy.add(placed(unit, choice, rules: rules))
        return true
    }

    func placed(_ unit: SessionUnit, _ choice: SlotChoice, rules: UnitRules) -> PlacedSession {
        PlacedSession(
            key: unit.key, span: choice.span, venue: rules.venue(ofOption: choice.option), attendees: choice.attendees,
            absentees: choice.absentees, isLocked: false)
    }

    /// Places a unit by moving at most `maxMoves` movable sessions elsewhere within their own
    /// windows: tries the slots that need the fewest moves first, earlier slots before later.
    /// Returns the keys of the sessions moved, or `nil` when no such rearrangement is found
    /// within `attempts` tries (the state is then unchanged).
    mutating func displace(_ unit: SessionUnit, maxMoves: Int, attempts: Int) -> [SessionKey]? {
        let placed = occupancy.placed
        let lockedOnly = UnitRules(unit, over: searchRange(of: unit), index: index, occupancy: occupancy) { booking in
            placed[booking.key]?.isLocked ?? true
        }
        let free = lockedOnly.freeTime()
        var options: [(blockers: [SessionKey], slot: Span, option: Int)] = []
        for option in free.indices {
            let venue = lockedOnly.venue(ofOption: option)
            lockedOnly.forEachSlot(in: free[option], option: option) { slot in
                var blockers: [SessionKey] = []
                for participant in unit.plan.required {
                    for booking in occupancy.bookings(ofParticipant: participant, overlapping: slot)
                    where !blockers.contains(booking.key) {
                        blockers.append(booking.key)
                    }
                }
                if let venue {
                    for booking in occupancy.bookings(ofVenue: venue, overlapping: slot)
                    where !blockers.contains(booking.key) {
                        blockers.append(booking.key)
                    }
                }
                if blockers.count <= maxMoves, blockers.allSatisfy({ occupancy.placed[$0]?.isLocked == false }) {
                    options.append((blockers.sorted(), slot, option))
                }
                return true
            }
        }
        options.sort { ($0.blockers.count, $0.slot.start, $0.option) < ($1.blockers.count, $1.slot.start, $1.option) }
        var tried: [[SessionKey]] = []
        for candidate in options {
            // One blocker set tried once: its re-placement does not depend on the new slot much.
            guard tried.count < attempts else { break }
            if candidate.blockers.count > 0, tried.contains(candidate.blockers) { continue }
            tried.append(candidate.blockers)
            // Undone by hand rather than by keeping a copy, which would copy every booking.
            let removed = candidate.blockers.compactMap { occupancy.remove($0) }
            var added: [SessionKey] = []
            let rules = rules(of: unit)
            if rules.freeTime()[candidate.option].contains(candidate.slot),
                let choice = SlotChooser(rules, index: index, occupancy: occupancy).choice(
                    at: candidate.slot, option: candidate.option)
            {
                occupancy.add(self.placed(unit, choice, rules: rules))
                added.append(unit.key)
                for key in candidate.blockers {
                    guard let blocker = self.unit(key), place(blocker) else { break }
                    added.append(key)
                }
                if added.count == candidate.blockers.count + 1 { return candidate.blockers }
            }
            for key in added.reversed() { occupancy.remove(key) }
            for session in removed { occupancy.add(session) }
        }
        return nil
    }

    // MARK: - Results

    /// The schedule of everything placed, with the given unplaced sessions.
    func schedule(unplaced: [UnplacedSession]) -> Schedule {
        Schedule(placements: occupancy.chronological.map { $0.placement(in: problem) }, unplaced: unplaced)
    }

    /// `previous` with the sessions in `changed` as they are placed now (or left out if they
    /// are not placed), and the given unplaced sessions: for an insert, which changes a few
    /// sessions of a large schedule.
    func schedule(updating previous: Schedule, changed: Set<SessionKey>, unplaced: [UnplacedSession]) -> Schedule {
        var placements = previous.placements.filter { !changed.contains($0.key) }
        for key in changed.sorted() {
            if let placed = occupancy.placed[key] { placements.append(placed.placement(in: problem)) }
        }
        return Schedule(placements: placements, unplaced: unplaced)
    }

    /// Why a unit cannot be placed given what is booked now.
    func explainUnplaceable(_ unit: SessionUnit) -> InfeasibilityExplanation {
        InfeasibilityExplainer(
            rules: UnitRules(unit, over: baseRange, index: index, occupancy: occupancy) { $0.key != unit.key },
            index: index
        ).explanation()
    }
}
