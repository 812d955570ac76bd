/// Places programs: a whole set at once, or one more into an existing schedule. Deterministic:
/// the same problem gives the same schedule, whatever the order of its input arrays.
///
/// Sessions are placed one at a time, most constrained program first (least free time before
/// anything is booked), each at the slot with the lowest soft-preference cost, earliest first
/// on a tie. A session that finds no slot then gets room by moving at most two others within
/// their own windows; one that still cannot be placed is reported with the smallest set of
/// rules that rules it out. An improvement pass then moves whole series to one local time and
/// weekday, single sessions, swaps two sessions' slots, and takes a few programs at a time out
/// and places them again, keeping each move only when the soft score drops.
public enum ProgramScheduler {
    /// Sessions a solve may move to make room for one that found no slot.
    static let movesPerRepair = 2
    /// Sessions an insert may move to make room for the new program's sessions.
    static let movesPerInsert = 3
    /// Rearrangements tried per session before giving up.
    static let repairAttempts = 24

    /// Places every session of every program of the problem around its fixed placements, then
    /// improves the placement within `improvement` (``ImprovementOptions/standard`` unless
    /// told otherwise; ``ImprovementOptions/none`` for the greedy placement alone).
    public static func solve(_ problem: SchedulingProblem, improvement: ImprovementOptions = .standard) -> Schedule {
        let index = AvailabilityIndex(problem)
        var state = SolverState(
            problem, index: index,
            placements: problem.fixed.compactMap { PlacedSession($0, in: problem, isLocked: true) })

        let order = problem.programs.indices.map { program -> (room: Int, program: Int) in
            let units = SessionUnit.units(ofProgram: program, in: problem).filter { $0.occurrence == 0 }
            return (units.map { state.room(of: $0) }.min() ?? 0, program)
        }.sorted { ($0.room, $0.program) < ($1.room, $1.program) }

        var pending: [SessionUnit] = []
        for (_, program) in order {
            for unit in orderedUnits(ofProgram: program, in: problem) where problem.fixedIndex[unit.key] == nil {
                if !state.place(unit) { pending.append(unit) }
            }
        }
        var unplaced: [UnplacedSession] = []
        for unit in pending where state.displace(unit, maxMoves: movesPerRepair, attempts: repairAttempts) == nil {
            unplaced.append(UnplacedSession(key: unit.key, explanation: state.explainUnplaceable(unit)))
        }
        state.improve(improvement)
        return state.schedule(unplaced: unplaced)
    }

    /// Adds a program to a schedule made for `problem`, moving as few existing sessions as it
    /// can (at most three per new session). Sessions that began before `problem.now` and the
    /// problem's fixed placements never move.
    /// - Returns: The problem with the program added, the new schedule and the moves made.
    /// - Throws: `SchedulingError` when the program is invalid or its id is taken, when the
    ///   schedule names sessions, people or venues the problem does not have, or when someone
    ///   is in two places at once among the sessions that cannot move.
    public static func insert(_ program: Program, into schedule: Schedule, of problem: SchedulingProblem) throws
        -> Insertion
    {
        let extended = try problem.adding(program)
        let now = problem.now.instant
        var placements: [PlacedSession] = []
        placements.reserveCapacity(schedule.placements.count + extended.fixed.count)
        for placement in schedule.placements {
            guard extended.locate(placement.key) != nil,
                let placed = PlacedSession(
                    placement, in: extended,
                    isLocked: placement.start.instant < now || extended.fixedIndex[placement.key] != nil)
            else {
                throw SchedulingError(
                    .unknownReference,
                    "the schedule places \(placement.key), which names something the problem does not have")
            }
            placements.append(placed)
        }
        if !extended.fixed.isEmpty {
            let scheduled = Set(schedule.placements.map(\.key))
            for fixed in extended.fixed where !scheduled.contains(fixed.key) {
                if let placed = PlacedSession(fixed, in: extended, isLocked: true) { placements.append(placed) }
            }
        }
        try checkLocked(placements, in: extended)

        var state = SolverState(extended, index: AvailabilityIndex(extended), placements: placements)
        guard let programIndex = extended.programIndex[program.id] else {
            throw SchedulingError(.unknownReference, "program \(program.id) was not added")
        }
        var unplaced = schedule.unplaced
        var changed = Set(extended.sessionKeys(of: program.id))
        for unit in orderedUnits(ofProgram: programIndex, in: extended) {
            if state.place(unit) { continue }
            if let moved = state.displace(unit, maxMoves: movesPerInsert, attempts: repairAttempts) {
                changed.formUnion(moved)
            } else {
                unplaced.append(UnplacedSession(key: unit.key, explanation: state.explainUnplaceable(unit)))
            }
        }
        let result = state.schedule(updating: schedule, changed: changed, unplaced: unplaced)
        let moves = changed.sorted().compactMap { key -> Move? in
            guard key.program != program.id, let from = schedule.placement(of: key), let to = result.placement(of: key),
                from != to
            else { return nil }
            return Move(key: key, from: from, to: to)
        }
        return Insertion(problem: extended, schedule: result, moves: moves)
    }

    /// A program's units, occurrence by occurrence; within one, the sessions with the fewest
    /// large-enough venues and the most people first.
    static func orderedUnits(ofProgram program: Int, in problem: SchedulingProblem) -> [SessionUnit] {
        SessionUnit.units(ofProgram: program, in: problem).sorted { lhs, rhs in
            func rank(_ unit: SessionUnit) -> (Int, Int, Int, Int) {
                let venues = unit.plan.venues.filter { problem.venues[$0].capacity >= unit.plan.headcount }.count
                return (unit.occurrence, unit.plan.venues.isEmpty ? 0 : venues, -unit.plan.headcount, unit.session)
            }
            return rank(lhs) < rank(rhs)
        }
    }

    /// Nobody may be in two places at once among sessions that cannot move.
    private static func checkLocked(_ placements: [PlacedSession], in problem: SchedulingProblem) throws {
        var byParticipant: [Int: [PlacedSession]] = [:]
        for placement in placements where placement.isLocked {
            for attendee in placement.attendees { byParticipant[attendee, default: []].append(placement) }
        }
        for participant in byParticipant.keys.sorted() {
            let sessions = (byParticipant[participant] ?? []).sorted { ($0.span, $0.key) < ($1.span, $1.key) }
            for (earlier, later) in zip(sessions, sessions.dropFirst()) where later.span.start < earlier.span.end {
                throw SchedulingError(
                    .doubleBookedFixedPlacement,
                    "\(SchedulingProblem.name(problem.participants[participant])) is in two places at once in the fixed part of the schedule: \(earlier.key) (\(InstantText.utc(earlier.span.start)) to \(InstantText.utc(earlier.span.end))) and \(later.key) (\(InstantText.utc(later.span.start)) to \(InstantText.utc(later.span.end)))"
                )
            }
        }
    }
}
