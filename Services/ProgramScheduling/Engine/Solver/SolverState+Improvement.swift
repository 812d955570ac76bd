/// The improvement pass: local search on a placed schedule, every move judged by its exact
/// change of the soft score and kept only when it lowers it, never breaking a hard rule (each
/// session is placed again through its unit rules), never moving a locked or announced session.
extension SolverState {
    /// Improves the schedule in place within `options`.
    mutating func improve(_ options: ImprovementOptions) {
        let clock = ContinuousClock()
        let started = clock.now
        let deadline = options.timeLimit.map { started + $0 }
        func outOfTime() -> Bool { deadline.map { clock.now >= $0 } ?? false }
        func progress() -> Double {
            guard let limit = options.timeLimit, limit > .zero else { return 0 }
            return (clock.now - started) / limit
        }
        var random = SeededRandom(seed: options.seed)
        sweep(options, outOfTime: outOfTime)
        ruinSteps(options, random: &random, outOfTime: outOfTime)
        search(options, random: &random, outOfTime: outOfTime, progress: progress)
    }

    /// Sweeps of series moves, single moves and swaps, each until one improves nothing.
    private mutating func sweep(_ options: ImprovementOptions, outOfTime: () -> Bool) {
        let announced = options.announced
        // The first sweep tries every session; later ones only those that share a person or a
        // program with something the sweep before moved, as nothing else can have changed.
        var changed: Changes?
        for _ in 0..<max(0, options.rounds) {
            guard !outOfTime() else { return }
            var moved = Changes()
            for series in seriesWithCost() where changed?.touches(series, in: self) ?? true {
                if outOfTime() { return }
                // Aligning scores every slot of every occurrence: once, in the first sweep.
                let aligned =
                    changed == nil && mayGainByAligning(series)
                    && alignSeries(series, announced: announced, changes: &moved)
                if !aligned && seriesCost(series) > SlotChooser.tolerance {
                    moveSeries(series, announced: announced, changes: &moved)
                }
            }
            for key in occupancy.placed.keys.sorted() where isMovable(key, announced: announced) {
                // After the greedy placement a session that costs no more than its own hours
                // has every slot it could have had then, no cheaper, and fewer since: only
                // one near something this sweep moved can gain.
                if let changed {
                    guard changed.touches(key, in: self) else { continue }
                } else if !moved.touches(key, in: self) && !hasAvoidableCost(key) {
                    continue
                }
                moveSingle(key, changes: &moved)
            }
            if options.swaps {
                swapSessions(announced: announced, changes: &moved, outOfTime: outOfTime)
            }
            if moved.isEmpty { break }
            changed = moved
        }
    }

    /// Ruin-and-recreate steps, each kept only when the score drops.
    private mutating func ruinSteps(_ options: ImprovementOptions, random: inout SeededRandom, outOfTime: () -> Bool) {
        let announced = options.announced
        let programs = Set(occupancy.placed.keys.filter { isMovable($0, announced: announced) }.map(\.program)).sorted()
        guard !programs.isEmpty, options.programsPerRuin > 0 else { return }
        // Each step starts from a program whose cost a rearrangement can lower (a same-day pair,
        // a drifting series, a conference's spread, someone absent) and takes out with it
        // programs that share its people around its sessions, which are what stands in its way.
        var targets = programs.filter { hasAvoidableCost($0, announced: announced) }
        if targets.isEmpty { targets = programs }
        for _ in 0..<max(0, options.ruinSteps) {
            guard !outOfTime() else { return }
            var chosen = [targets[Int(random.next() % UInt64(targets.count))]]
            let neighbours = neighbours(of: chosen[0], announced: announced)
            let pool = neighbours.isEmpty ? programs : neighbours
            var tries = 0
            while chosen.count < min(options.programsPerRuin, pool.count + 1) && tries < 4 * options.programsPerRuin {
                tries += 1
                let program = pool[Int(random.next() % UInt64(pool.count))]
                if !chosen.contains(program) { chosen.append(program) }
            }
            ruinAndRecreate(chosen, announced: announced)
        }
    }

    /// Whether a session is in a same-day pair, a drifting series or a conference's spread, or
    /// has someone absent.
    func hasAvoidableCost(_ key: SessionKey) -> Bool {
        guard let session = occupancy.placed[key], let (program, plan) = problem.locate(key) else { return false }
        return !session.absentees.isEmpty
            || cost(of: [key]) > ownCost(of: session, program: program, session: plan) + SlotChooser.tolerance
    }

    /// Whether one weekday and time for a whole series may cost less than it does: when it
    /// drifts or changes weekday, when one of its sessions is in a same-day pair or has someone
    /// absent, or when its occurrences' own hours cost differently (a clock change makes its
    /// time awkward for some of them). A series whose every occurrence costs what its first
    /// did, placed at its cheapest slot, has no cheaper time the greedy placement left out.
    private func mayGainByAligning(_ series: SeriesKey) -> Bool {
        guard seriesCost(series) <= SlotChooser.tolerance else { return true }
        let program = problem.programs[series.program]
        var own: Double?
        for occurrence in 0..<program.occurrenceCount {
            let key = SessionKey(program: program.id, occurrence: occurrence, session: series.session)
            guard let session = occupancy.placed[key], let (programIndex, plan) = problem.locate(key) else { continue }
            if hasAvoidableCost(key) { return true }
            let cost = ownCost(of: session, program: programIndex, session: plan)
            if let own, abs(own - cost) > SlotChooser.tolerance { return true }
            own = cost
        }
        return false
    }

    /// Whether a program has a movable session in a same-day pair, a drifting series or a
    /// conference's spread, or with someone absent.
    func hasAvoidableCost(_ program: Program.ID, announced: Set<SessionKey>) -> Bool {
        problem.sessionKeys(of: program).contains { key in
            guard isMovable(key, announced: announced), let session = occupancy.placed[key],
                let (programIndex, plan) = problem.locate(key)
            else { return false }
            return !session.absentees.isEmpty
                || cost(of: [key]) > ownCost(of: session, program: programIndex, session: plan) + SlotChooser.tolerance
        }
    }

    /// The other programs with a movable session that shares a person with one of the
    /// program's sessions within a few days of it, in order.
    func neighbours(of program: Program.ID, announced: Set<SessionKey>) -> [Program.ID] {
        var result: Set<Program.ID> = []
        for key in problem.sessionKeys(of: program) {
            guard let session = occupancy.placed[key] else { continue }
            let reach = Span(session.span.start - Self.singleMoveReach, session.span.end + Self.singleMoveReach)
            for attendee in session.attendees {
                for booking in occupancy.bookings(ofParticipant: attendee, overlapping: reach)
                where booking.key.program != program && isMovable(booking.key, announced: announced) {
                    result.insert(booking.key.program)
                }
            }
        }
        return result.sorted()
    }

    /// Placed, neither locked nor announced.
    func isMovable(_ key: SessionKey, announced: Set<SessionKey>) -> Bool {
        occupancy.placed[key].map { !$0.isLocked } == true && !announced.contains(key)
    }

    /// The series whose sessions cost something (their own hours, same-day pairs, drift or
    /// weekday changes), in program order.
    private func seriesWithCost() -> [SeriesKey] {
        var result: [SeriesKey] = []
        for (index, program) in problem.programs.enumerated() where program.occurrenceCount > 1 {
            for plan in program.sessions {
                let series = SeriesKey(program: index, session: plan.id)
                let keys = (0..<program.occurrenceCount).map {
                    SessionKey(program: program.id, occurrence: $0, session: plan.id)
                }
                if cost(of: keys) > SlotChooser.tolerance { result.append(series) }
            }
        }
        return result
    }

    /// How far from its start a single move looks, in seconds.
    static let singleMoveReach = 3 * 86_400

    /// What a sweep moved: the people of the sessions moved (where they were and where they
    /// are) and their programs.
    struct Changes {
        /// Per person, where the sessions moved were and are.
        var spans: [Int: [Span]] = [:]
        var programs: Set<Program.ID> = []

        var isEmpty: Bool { programs.isEmpty }

        mutating func record(_ sessions: [PlacedSession]) {
            for session in sessions {
                for attendee in session.attendees { spans[attendee, default: []].append(session.span) }
                programs.insert(session.key.program)
            }
        }

        /// Whether a session shares its program with what moved, or a person with a session
        /// that moved near it: within a single move's reach and a day, the furthest a slot it
        /// could take or a same-day pair it is in can be.
        func touches(_ key: SessionKey, in state: SolverState) -> Bool {
            if programs.contains(key.program) { return true }
            guard let session = state.occupancy.placed[key] else { return false }
            let reach = Span(
                session.span.start - SolverState.singleMoveReach - 86_400,
                session.span.end + SolverState.singleMoveReach + 86_400)
            return session.attendees.contains { attendee in
                spans[attendee]?.contains { $0.overlaps(reach) } ?? false
            }
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
    mutating func moveSingle(_ key: SessionKey, changes: inout Changes) {
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

    /// Moves a whole series to the one local time and weekday (on the organiser's clock) that
    /// costs least over all its occurrences: each occurrence's slots are scored with the rest
    /// of the schedule in place, and the weekday and time every occurrence can have with the
    /// lowest sum wins. Kept when the series then costs less; true when it moved.
    mutating func alignSeries(_ series: SeriesKey, announced: Set<SessionKey>, changes: inout Changes) -> Bool {
        let program = problem.programs[series.program]
        let keys = (0..<program.occurrenceCount).map {
            SessionKey(program: program.id, occurrence: $0, session: series.session)
        }
        guard keys.count > 1, keys.allSatisfy({ isMovable($0, announced: announced) }) else { return false }
        let units = keys.compactMap { unit($0) }
        guard units.count == keys.count, units.allSatisfy({ $0.seconds != nil }) else { return false }
        let clock = index.clock(ofParticipant: problem.resolved[series.program].organiser)
        let original = keys.compactMap { occupancy.placed[$0] }
        let costBefore = cost(of: keys)
        for key in keys { occupancy.remove(key) }
        func restore(_ state: inout SolverState) {
            for key in keys { state.occupancy.remove(key) }
            for session in original { state.occupancy.add(session) }
        }
        // Per occurrence, the best slot of each weekday and local time.
        var best: [[Int: SlotChoice]] = []
        var common: Set<Int>?
        // What each weekday and time still possible costs over the occurrences so far: one that
        // already costs as much as the whole series does now cannot make it cheaper.
        var totals: [Int: Double] = [:]
        for unit in units {
            let rules = rules(of: unit)
            var patterns: [Int: SlotChoice] = [:]
            func pattern(_ slot: Span) -> Int {
                weekdayNumber(ofDay: clock.localDay(of: slot.start)) * 1440 + clock.localMinute(of: slot.start)
            }
            // After the first occurrence only the weekdays and times all before it can have.
            let allowed = common
            let bound = costBefore - (totals.values.min() ?? 0)
            SlotChooser(rules, index: index, occupancy: occupancy).forEachChoice(
                in: rules.freeTime(), bound: bound, where: { allowed?.contains(pattern($0)) ?? true },
                { choice in
                    let key = pattern(choice.span)
                    if patterns[key].map({ choice.isBetter(than: $0) }) ?? true { patterns[key] = choice }
                })
            var next: [Int: Double] = [:]
            for (key, choice) in patterns {
                let total = (totals[key] ?? 0) + choice.score
                if total < costBefore - SlotChooser.tolerance { next[key] = total }
            }
            totals = next
            common = Set(next.keys)
            best.append(patterns)
            if common?.isEmpty ?? true { break }
        }
        guard let common, !common.isEmpty else {
            restore(&self)
            return false
        }
        var chosen: (pattern: Int, total: Double)?
        for pattern in common.sorted() {
            let total = best.reduce(0.0) { $0 + ($1[pattern]?.score ?? .infinity) }
            if chosen.map({ total < $0.total - SlotChooser.tolerance }) ?? true { chosen = (pattern, total) }
        }
        guard let chosen else {
            restore(&self)
            return false
        }
        for (unit, patterns) in zip(units, best) {
            guard let choice = patterns[chosen.pattern], place(unit, at: choice.span) else {
                restore(&self)
                return false
            }
        }
        if cost(of: keys) < costBefore - SlotChooser.tolerance {
            changes.record(original + keys.compactMap { occupancy.placed[$0] })
            return true
        }
        restore(&self)
        return false
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
            // The room of its first occurrence taken out stands for the program's, as in the
            // greedy placement: a long series would otherwise cost a look at every week.
            let first = units.first?.occurrence
            return (
                room: units.filter { $0.occurrence == first }.map { room(of: $0) }.min() ?? 0, program: program,
                units: units
            )
        }.sorted { ($0.room, $0.program) < ($1.room, $1.program) }
        var complete = true
        placing: for entry in order {
            for unit in entry.units where !place(unit) {
                complete = false
                break placing
            }
        }
        // A series placed again anchors on its first occurrence; one weekday and time for all
        // of it may suit the new neighbourhood better.
        if complete {
            var ignored = Changes()
            for entry in order where problem.programs[entry.program].occurrenceCount > 1 {
                for plan in problem.programs[entry.program].sessions {
                    let series = SeriesKey(program: entry.program, session: plan.id)
                    guard mayGainByAligning(series) else { continue }
                    _ = alignSeries(series, announced: announced, changes: &ignored)
                }
            }
        }
        if complete && cost(of: keys) < costBefore - SlotChooser.tolerance { return }
        for key in keys { occupancy.remove(key) }
        for session in original { occupancy.add(session) }
    }
}

extension SolverState {
    /// Swaps: a session that costs something takes the slot of another session one of its
    /// attendees has within a few days (or its venue's), and that other session goes to its
    /// best slot near where it was, which may be the first one's old slot; kept when the two
    /// together cost less. Catches what no single move can: two sessions that each block the
    /// other's better slot.
    mutating func swapSessions(announced: Set<SessionKey>, changes: inout Changes, outOfTime: () -> Bool) {
        for key in occupancy.placed.keys.sorted() where isMovable(key, announced: announced) {
            if outOfTime() { return }
            // Only a session in a same-day pair, a drifting series or a conference's spread, or
            // with someone absent: what its own hours cost, another slot of its own can mend.
            guard let session = occupancy.placed[key], let (program, plan) = problem.locate(key),
                !session.absentees.isEmpty
                    || cost(of: [key]) > ownCost(of: session, program: program, session: plan) + SlotChooser.tolerance
            else { continue }
            let reach = Span(session.span.start - Self.singleMoveReach, session.span.end + Self.singleMoveReach)
            var partners: [SessionKey] = []
            for attendee in session.attendees {
                for booking in occupancy.bookings(ofParticipant: attendee, overlapping: reach)
                where booking.key != key && !partners.contains(booking.key) {
                    partners.append(booking.key)
                }
            }
            if let venue = session.venue {
                for booking in occupancy.bookings(ofVenue: venue, overlapping: reach)
                where booking.key != key && !partners.contains(booking.key) {
                    partners.append(booking.key)
                }
            }
            for partner in partners.sorted() where isMovable(partner, announced: announced) {
                if trySwap(key, partner, changes: &changes) { break }
            }
        }
    }

    /// `first` into the slot of `second`, `second` to its best slot near where it was; undone
    /// unless the pair then costs less.
    private mutating func trySwap(_ first: SessionKey, _ second: SessionKey, changes: inout Changes) -> Bool {
        guard let firstBefore = occupancy.placed[first], let secondBefore = occupancy.placed[second],
            let firstUnit = unit(first), let secondUnit = unit(second), let length = firstUnit.seconds,
            firstUnit.window.contains(secondBefore.span.start)
        else { return false }
        let costBefore = cost(of: [first, second])
        occupancy.remove(first)
        occupancy.remove(second)
        func undo(_ state: inout SolverState) {
            state.occupancy.remove(first)
            state.occupancy.remove(second)
            state.occupancy.add(firstBefore)
            state.occupancy.add(secondBefore)
        }
        let slot = Span(secondBefore.span.start, secondBefore.span.start + length)
        guard place(firstUnit, at: slot) else {
            undo(&self)
            return false
        }
        let near = searchRange(of: secondUnit).clipped(
            to: Span(secondBefore.span.start - Self.singleMoveReach, secondBefore.span.start + Self.singleMoveReach))
        let rules = UnitRules(secondUnit, over: near, index: index, occupancy: occupancy) { _ in true }
        guard let choice = SlotChooser(rules, index: index, occupancy: occupancy).best(in: rules.freeTime()) else {
            undo(&self)
            return false
        }
        occupancy.add(placed(secondUnit, choice, rules: rules))
        if cost(of: [first, second]) < costBefore - SlotChooser.tolerance {
            changes.record([firstBefore, secondBefore] + [first, second].compactMap { occupancy.placed[$0] })
            return true
        }
        undo(&self)
        return false
    }

    /// Places a session measured in minutes at exactly `slot`, in the venue option its slot
    /// chooser likes best; false when its rules do not allow the slot.
    mutating func place(_ unit: SessionUnit, at slot: Span) -> Bool {
        guard unit.seconds != nil else { return false }
        let rules = rules(of: unit)
        let free = rules.freeTime()
        let chooser = SlotChooser(rules, index: index, occupancy: occupancy)
        var best: SlotChoice?
        for option in free.indices where free[option].contains(slot) {
            guard let choice = chooser.choice(at: slot, option: option) else { continue }
            if best.map({ choice.isBetter(than: $0) }) ?? true { best = choice }
        }
        guard let best else { return false }
        occupancy.add(placed(unit, best, rules: rules))
        return true
    }
}
