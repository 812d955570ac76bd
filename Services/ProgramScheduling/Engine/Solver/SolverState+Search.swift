import Foundation

/// The search after the improvement pass's sweeps and steps: an iterated local search that
/// takes a few sessions out and places them again, again and again, and keeps the result when
/// the score drops, stays level, or (early on, less and less often as the search goes on) rises
/// a little, so that it can walk across plateaus and out of the local optima the sweeps end in.
/// The best schedule seen is the one kept. Each step is scored by the exact change of the soft
/// score of the sessions it touches; sessions are placed through the same hard rules, and
/// locked or announced sessions never move.
extension SolverState {
    /// Runs `options.searchSteps` steps, or fewer when `outOfTime` says so; `progress` is how
    /// much of the caller's time is used up (0 to 1), which cools the acceptance as steps do.
    mutating func search(
        _ options: ImprovementOptions, random: inout SeededRandom, outOfTime: () -> Bool, progress: () -> Double
    ) {
        let announced = options.announced
        guard options.searchSteps > 0 else { return }
        let movable = occupancy.placed.keys.filter { isMovable($0, announced: announced) }.sorted()
        let programs = Set(movable.map(\.program)).sorted()
        guard !programs.isEmpty else { return }
        var current = cost(of: occupancy.placed.keys.sorted())
        var best = current
        var bestOccupancy = occupancy
        var targets: [Program.ID] = []
        var costly: [SessionKey] = []
        var ejectable: [SeriesKey] = []
        var stale = true
        var refreshed = 0
        var rooms: [Int: Int] = [:]
        for step in 0..<options.searchSteps {
            if outOfTime() { break }
            if stale && step >= refreshed + 16 || step == 0 {
                refreshed = step
                targets = programs.filter { hasAvoidableCost($0, announced: announced) }
                costly = movable.filter { occupancy.placed[$0] != nil && cost(of: [$0]) > SlotChooser.tolerance }
                if options.seriesEjections { ejectable = seriesForEjection(announced: announced) }
                stale = false
            }
            if targets.isEmpty && costly.isEmpty { break }
            let done = max(Double(step) / Double(options.searchSteps), min(1, progress()))
            let temperature = options.temperature * (1 - done)
            var threshold = 0.0
            if temperature > 0 {
                // Exponentially distributed: a rise of d passes with probability exp(-d / T).
                let uniform = (Double(random.next() >> 11) + 0.5) / Double(1 << 53)
                threshold = -temperature * log(uniform)
            }
            if !ejectable.isEmpty && random.next() % 3 == 0 {
                // A series to a weekday and time others stand in the way of, they elsewhere.
                let series = ejectable[Int(random.next() % UInt64(ejectable.count))]
                let patterns = ejectionPatterns(of: series, announced: announced, limit: 4)
                guard !patterns.isEmpty else { continue }
                let target = patterns[Int(random.next() % UInt64(patterns.count))]
                guard let delta = ejectForSeries(series, to: target, announced: announced, accept: { $0 <= threshold })
                else { continue }
                if abs(delta) > SlotChooser.tolerance { stale = true }
                current += delta
                if current < best - SlotChooser.tolerance {
                    best = current
                    bestOccupancy = occupancy
                }
                continue
            }
            let keys: [SessionKey]
            let shuffled = random.next() % 2 == 0
            if random.next() % 2 == 0 || costly.isEmpty {
                let pool = targets.isEmpty ? programs : targets
                keys = programsToRuin(from: pool[Int(random.next() % UInt64(pool.count))], options: options, random: &random)
            } else {
                keys = sessionsAround(costly[Int(random.next() % UInt64(costly.count))], announced: announced)
            }
            guard
                let delta = recreate(
                    keys, announced: announced, shuffled: shuffled, rooms: &rooms, random: &random, accept: { $0 <= threshold })
            else {
                continue
            }
            if abs(delta) > SlotChooser.tolerance { stale = true }
            current += delta
            if current < best - SlotChooser.tolerance {
                best = current
                bestOccupancy = occupancy
            }
        }
        if best < current - SlotChooser.tolerance { occupancy = bestOccupancy }
    }

    /// A program and one or more programs that share its people near its sessions.
    private func programsToRuin(from first: Program.ID, options: ImprovementOptions, random: inout SeededRandom)
        -> [SessionKey]
    {
        let announced = options.announced
        var chosen = [first]
        let neighbours = neighbours(of: first, announced: announced)
        let wanted = 1 + Int(random.next() % UInt64(max(1, options.programsPerSearchStep)))
        var pool = neighbours
        while chosen.count < wanted && !pool.isEmpty {
            chosen.append(pool.remove(at: Int(random.next() % UInt64(pool.count))))
        }
        return chosen.flatMap { problem.sessionKeys(of: $0) }.filter { isMovable($0, announced: announced) }
    }

    /// A session and every movable session one of its attendees (or its venue) has within a
    /// day of it: what stands around a same-day pair or a clash with an optional invitee.
    private func sessionsAround(_ key: SessionKey, announced: Set<SessionKey>) -> [SessionKey] {
        guard let session = occupancy.placed[key] else { return [] }
        let reach = Span(session.span.start - 86_400, session.span.end + 86_400)
        var keys: Set<SessionKey> = [key]
        for attendee in session.attendees + session.absentees {
            for booking in occupancy.bookings(ofParticipant: attendee, overlapping: reach)
            where isMovable(booking.key, announced: announced) {
                keys.insert(booking.key)
            }
        }
        if let venue = session.venue {
            for booking in occupancy.bookings(ofVenue: venue, overlapping: reach)
            where isMovable(booking.key, announced: announced) {
                keys.insert(booking.key)
            }
        }
        return keys.sorted()
    }

    /// Takes the sessions out, places them again (most constrained program first, or in an
    /// order drawn from the generator), aligns the series among them, lets the optional
    /// invitees they freed attend where they now can, and keeps the result when every session
    /// is placed again and `accept` takes the change of the score. Returns that change, or
    /// `nil` when it was undone.
    mutating func recreate(
        _ keys: [SessionKey], announced: Set<SessionKey>, shuffled: Bool, rooms: inout [Int: Int],
        random: inout SeededRandom,
        accept: (Double) -> Bool
    ) -> Double? {
        guard !keys.isEmpty else { return nil }
        let taken = Set(keys)
        // Sessions outside the set with someone absent whom a session of the set keeps busy:
        // once it moves they may attend.
        let waiting = absencesBlocked(by: keys, excluding: taken, announced: announced)
        let scored = keys + waiting.sorted()
        let costBefore = cost(of: scored)
        let original = keys.compactMap { occupancy.remove($0) }
        let programs = Set(keys.map(\.program)).sorted()
        var order: [(room: Int, program: Int, units: [SessionUnit])] = []
        for program in programs.compactMap({ problem.programIndex[$0] }) {
            let units = ProgramScheduler.orderedUnits(ofProgram: program, in: problem).filter { taken.contains($0.key) }
            // How much room a program has before anything is booked does not change: once.
            let room = rooms[program] ?? (SessionUnit.units(ofProgram: program, in: problem).map { self.room(of: $0) }.min() ?? 0)
            rooms[program] = room
            order.append((room, program, units))
        }
        // By id on a tie, so that the order does not depend on the order of the input.
        order.sort { ($0.room, problem.programs[$0.program].id) < ($1.room, problem.programs[$1.program].id) }
        if shuffled && order.count > 1 {
            for position in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(position, Int(random.next() % UInt64(position + 1)))
            }
        }
        var complete = true
        placing: for entry in order {
            for unit in entry.units where !place(unit, random: &random) {
                complete = false
                break placing
            }
        }
        var rejoined: [PlacedSession] = []
        if complete {
            var ignored = Changes()
            for entry in order where problem.programs[entry.program].occurrenceCount > 1 {
                for plan in problem.programs[entry.program].sessions {
                    let keysOfSeries = (0..<problem.programs[entry.program].occurrenceCount).map {
                        SessionKey(program: problem.programs[entry.program].id, occurrence: $0, session: plan.id)
                    }
                    // Only a series the step took out as a whole, and one that drifts or
                    // changes weekday as placed: scoring every slot of every occurrence is
                    // the dearest part of a step.
                    let series = SeriesKey(program: entry.program, session: plan.id)
                    guard keysOfSeries.allSatisfy({ taken.contains($0) }), seriesCost(series) > SlotChooser.tolerance
                    else { continue }
                    _ = alignSeries(
                        SeriesKey(program: entry.program, session: plan.id), announced: [], changes: &ignored)
                }
            }
            for key in waiting.sorted() {
                guard let before = occupancy.placed[key], let unit = unit(key) else { continue }
                occupancy.remove(key)
                if place(unit, at: before.span) {
                    rejoined.append(before)
                } else {
                    occupancy.add(before)
                }
            }
        }
        if complete {
            let delta = cost(of: scored) - costBefore
            if accept(delta) { return delta }
        }
        for key in keys { occupancy.remove(key) }
        for session in original { occupancy.add(session) }
        for session in rejoined {
            occupancy.remove(session.key)
            occupancy.add(session)
        }
        return nil
    }

    /// Sessions not in `excluded` with an absent optional invitee who attends one of the
    /// sessions of `keys` at an overlapping time.
    func absencesBlocked(
        by keys: [SessionKey], excluding excluded: Set<SessionKey>, announced: Set<SessionKey>
    ) -> Set<SessionKey> {
        var result: Set<SessionKey> = []
        for key in keys {
            guard let session = occupancy.placed[key] else { continue }
            for attendee in session.attendees {
                for absence in occupancy.absences(ofParticipant: attendee, overlapping: session.span)
                where !excluded.contains(absence.key) && isMovable(absence.key, announced: announced) {
                    result.insert(absence.key)
                }
            }
        }
        return result
    }
}
