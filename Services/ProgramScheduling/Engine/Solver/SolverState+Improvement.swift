/// The improvement pass: local search on a placed schedule, every move judged by its exact
/// change of the soft score and kept only when it lowers it, never breaking a hard rule (each
/// session is placed again through its unit rules), never moving a locked or announced session.
extension SolverState {
    /// Improves the schedule in place within `options`.
    mutating func improve(_ options: ImprovementOptions) {
        let clock = ContinuousClock()
        let deadline = options.timeLimit.map { clock.now + $0 }
        func outOfTime() -> Bool { deadline.map { clock.now >= $0 } ?? false }
        let announced = options.announced

        // The first sweep tries every session; later ones only those that share a person or a
        // program with something the sweep before moved, as nothing else can have changed.
        var changed: Changes?
        for _ in 0..<max(0, options.rounds) {
            guard !outOfTime() else { return }
            var moved = Changes()
            for series in seriesWithCost() where changed?.touches(series, in: self) ?? true {
                if outOfTime() { return }
                moveSeries(series, announced: announced, changes: &moved)
            }
            for key in occupancy.placed.keys.sorted() where isMovable(key, announced: announced) {
                guard changed?.touches(key, in: self) ?? true else { continue }
                moveSingle(key, changes: &moved)
            }
            if moved.isEmpty { break }
            changed = moved
        }

        let programs = Set(occupancy.placed.keys.filter { isMovable($0, announced: announced) }.map(\.program)).sorted()
        guard !programs.isEmpty, options.programsPerRuin > 0 else { return }
        var random = SeededRandom(seed: options.seed)
        for _ in 0..<max(0, options.ruinSteps) {
            guard !outOfTime() else { return }
            var chosen: [Program.ID] = []
            while chosen.count < min(options.programsPerRuin, programs.count) {
                let program = programs[Int(random.next() % UInt64(programs.count))]
                if !chosen.contains(program) { chosen.append(program) }
            }
            ruinAndRecreate(chosen, announced: announced)
        }
    }

    /// Placed, neither locked nor announced.
    private func isMovable(_ key: SessionKey, announced: Set<SessionKey>) -> Bool {
        occupancy.placed[key].map { !$0.isLocked } == true && !announced.contains(key)
    }

    /// The series whose drift or weekday changes cost something, in program order.
    private func seriesWithCost() -> [SeriesKey] {
        var result: [SeriesKey] = []
        for (index, program) in problem.programs.enumerated() where program.occurrenceCount > 1 {
            for plan in program.sessions {
                let series = SeriesKey(program: index, session: plan.id)
                if seriesCost(series) > SlotChooser.tolerance { result.append(series) }
            }
        }
        return result
    }

    /// How far from its start a single move looks, in seconds.
    static let singleMoveReach = 3 * 86_400

    /// What a sweep moved: the people of the sessions moved (where they were and where they
    /// are) and their programs.
    struct Changes {
        var participants: Set<Int> = []
        var programs: Set<Program.ID> = []

        var isEmpty: Bool { programs.isEmpty }

        mutating func record(_ sessions: [PlacedSession]) {
            for session in sessions {
                participants.formUnion(session.attendees)
                programs.insert(session.key.program)
            }
        }

        /// Whether a session shares a person or its program with what moved.
        func touches(_ key: SessionKey, in state: SolverState) -> Bool {
            programs.contains(key.program)
                || (state.occupancy.placed[key]?.attendees.contains { participants.contains($0) } ?? false)
        }

        /// Whether a series has a session that shares a person or its program with what moved.
        func touches(_ series: SeriesKey, in state: SolverState) -> Bool {
            let program = state.problem.programs[series.program]
            return (0..<program.occurrenceCount).contains {
                touches(SessionKey(program: program.id, occurrence: $0, session: series.session), in: state)
            }
        }
    }

    /// Takes one session out and places it at its best slot given everything else; kept when
    /// the score drops. A session that costs nothing cannot lower the score by moving.
    private mutating func moveSingle(_ key: SessionKey, changes: inout Changes) {
        guard let before = occupancy.placed[key], let unit = unit(key) else { return }
        let costBefore = cost(of: [key])
        guard costBefore > SlotChooser.tolerance else { return }
        occupancy.remove(key)
        // Within a few days of where it is: another hour or a neighbouring day is what a single
        // move can gain; a series moves as a whole.
        let near = searchRange(of: unit).clipped(
            to: Span(before.span.start - Self.singleMoveReach, before.span.start + Self.singleMoveReach))
        let rules = UnitRules(unit, over: near, index: index, occupancy: occupancy) { _ in true }
        let chooser = SlotChooser(rules, index: index, occupancy: occupancy)
        let free = rules.freeTime()
        let incumbent = free.indices.first { rules.venue(ofOption: $0) == before.venue && free[$0].contains(before.span) }
            .flatMap { chooser.choice(at: before.span, option: $0) }
        guard let choice = chooser.best(in: free, incumbent: incumbent),
            choice.span != before.span || rules.venue(ofOption: choice.option) != before.venue
        else {
            occupancy.add(before)
            return
        }
        let after = placed(unit, choice, rules: rules)
        occupancy.add(after)
        if cost(of: [key]) < costBefore - SlotChooser.tolerance {
            changes.record([before, after])
            return
        }
        occupancy.remove(key)
        occupancy.add(before)
    }

    /// Moves a whole series to one local time and weekday: its first movable occurrence goes to
    /// the time and weekday most of its occurrences keep, the later ones follow it (each slot
    /// chooser pulls towards the first); kept when it lowers the score.
    private mutating func moveSeries(_ series: SeriesKey, announced: Set<SessionKey>, changes: inout Changes) {
        let program = problem.programs[series.program]
        let keys = (0..<program.occurrenceCount).map {
            SessionKey(program: program.id, occurrence: $0, session: series.session)
        }.filter { isMovable($0, announced: announced) }
        guard keys.count > 1 else { return }
        let clock = index.clock(ofParticipant: problem.resolved[series.program].organiser)
        // The time and weekday most of its occurrences already keep.
        var counts: [Int: Int] = [:]
        for key in keys {
            guard let placed = occupancy.placed[key] else { continue }
            let target = weekdayNumber(ofDay: clock.localDay(of: placed.span.start)) * 1440 + clock.localMinute(of: placed.span.start)
            counts[target, default: 0] += 1
        }
        let majority = counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }.map { (minute: $0.key % 1440, weekday: $0.key / 1440) }
        guard let target = majority else { return }

        let original = keys.compactMap { occupancy.placed[$0] }
        let costBefore = cost(of: keys)
        for key in keys { occupancy.remove(key) }
        var complete = true
        for (position, key) in keys.enumerated() {
            guard let unit = unit(key), position == 0 ? place(unit, at: target, clock: clock) : place(unit) else {
                complete = false
                break
            }
        }
        if complete && cost(of: keys) < costBefore - SlotChooser.tolerance {
            changes.record(original + keys.compactMap { occupancy.placed[$0] })
            return
        }
        for key in keys { occupancy.remove(key) }
        for session in original { occupancy.add(session) }
    }

    /// Places a unit at the given local time on the first day of the given weekday its rules
    /// allow, scored by its slot chooser among those days; false when no such day is free.
    private mutating func place(_ unit: SessionUnit, at target: (minute: Int, weekday: Int), clock: ZoneClock) -> Bool {
        guard unit.seconds != nil else { return place(unit) }
        let rules = rules(of: unit)
        let free = rules.freeTime()
        let chooser = SlotChooser(rules, index: index, occupancy: occupancy)
        let length = unit.seconds ?? 0
        var best: SlotChoice?
        let firstDay = clock.localDay(of: rules.range.start)
        let lastDay = clock.localDay(of: rules.range.end)
        guard firstDay <= lastDay else { return false }
        for day in firstDay...lastDay where weekdayNumber(ofDay: day) == target.weekday {
            let start = clock.instant(ofLocal: day * 86_400 + target.minute * 60)
            let slot = Span(start, start + length)
            for option in free.indices where free[option].contains(slot) {
                guard let choice = chooser.choice(at: slot, option: option) else { continue }
                if best.map({ choice.isBetter(than: $0) }) ?? true { best = choice }
            }
        }
        guard let best else { return false }
        occupancy.add(placed(unit, best, rules: rules))
        return true
    }

    /// Takes the movable sessions of a few programs out and places them again, most
    /// constrained program first; kept when every session is placed and the score drops.
    private mutating func ruinAndRecreate(_ programs: [Program.ID], announced: Set<SessionKey>) {
        let keys = programs.flatMap { problem.sessionKeys(of: $0) }.filter { isMovable($0, announced: announced) }
        guard !keys.isEmpty else { return }
        let costBefore = cost(of: keys)
        let original = keys.compactMap { occupancy.remove($0) }
        let taken = Set(keys)
        let order = programs.compactMap { problem.programIndex[$0] }.map { program in
            let units = ProgramScheduler.orderedUnits(ofProgram: program, in: problem).filter { taken.contains($0.key) }
            return (room: units.map { room(of: $0) }.min() ?? 0, program: program, units: units)
        }.sorted { ($0.room, $0.program) < ($1.room, $1.program) }
        var complete = true
        placing: for entry in order {
            for unit in entry.units where !place(unit) {
                complete = false
                break placing
            }
        }
        if complete && cost(of: keys) < costBefore - SlotChooser.tolerance { return }
        for key in keys { occupancy.remove(key) }
        for session in original { occupancy.add(session) }
    }
}
