/// Series ejection: a whole series moved to one weekday and local time that other sessions
/// stand in the way of, those sessions ejected and placed again at their best slots elsewhere.
/// The search's other steps place sessions only where nothing is booked, so a series kept off
/// its best weekday by a session that could as well go elsewhere stays there; this move
/// reaches that arrangement in one step. Judged, like every step, by the exact change of the
/// score of the sessions it touches; locked and announced sessions are never ejected.
extension SolverState {
    /// One weekday and local time for a series, with what the series' sessions would cost
    /// there if nothing movable were booked, and how many movable sessions stand in the way.
    struct EjectionPattern {
        let pattern: Int
        let slots: [Span]
        /// The venue each slot's session would use, if in person.
        let venues: [Int?]
        let estimate: Double
    }

    /// The weekdays and times (on the organiser's clock) every occurrence of the series can
    /// have once movable sessions are out of the way, cheapest first by their own cost plus
    /// `perBlocker` for each session in the way, at most `limit` of them; not the series'
    /// present one.
    func ejectionPatterns(
        of series: SeriesKey, announced: Set<SessionKey>, limit: Int, perBlocker: Double = 1
    ) -> [EjectionPattern] {
        let program = problem.programs[series.program]
        let keys = (0..<program.occurrenceCount).map {
            SessionKey(program: program.id, occurrence: $0, session: series.session)
        }
        guard keys.count > 1, keys.allSatisfy({ isMovable($0, announced: announced) }) else { return [] }
        let units = keys.compactMap { unit($0) }
        guard units.count == keys.count, units.allSatisfy({ $0.seconds != nil }) else { return [] }
        let clock = index.clock(ofParticipant: problem.resolved[series.program].organiser)
        func pattern(_ slot: Span) -> Int {
            weekdayNumber(ofDay: clock.localDay(of: slot.start)) * 1440 + clock.localMinute(of: slot.start)
        }
        let current = occupancy.placed[keys[0]].map { pattern($0.span) }
        let own = Set(keys)
        var state = self
        for key in keys { state.occupancy.remove(key) }
        var totals: [Int: (cost: Double, slots: [Span], venues: [Int?])] = [:]
        var common: Set<Int>?
        for unit in units {
            let rules = UnitRules(unit, over: state.searchRange(of: unit), index: index, occupancy: state.occupancy) {
                booking in !state.isMovable(booking.key, announced: announced) && !own.contains(booking.key)
            }
            let chooser = SlotChooser(rules, index: index, occupancy: state.occupancy)
            var patterns: [Int: (cost: Double, slot: Span, venue: Int?)] = [:]
            let allowed = common
            chooser.forEachChoice(
                in: rules.freeTime(), where: { allowed?.contains(pattern($0)) ?? true },
                { choice in
                    let key = pattern(choice.span)
                    var blockers: Set<SessionKey> = []
                    for participant in unit.plan.required {
                        for booking in state.occupancy.bookings(ofParticipant: participant, overlapping: choice.span) {
                            blockers.insert(booking.key)
                        }
                    }
                    let venue = rules.venue(ofOption: choice.option)
                    if let venue {
                        for booking in state.occupancy.bookings(ofVenue: venue, overlapping: choice.span) {
                            blockers.insert(booking.key)
                        }
                    }
                    let cost = choice.score + perBlocker * Double(blockers.count)
                    if patterns[key].map({ cost < $0.cost - SlotChooser.tolerance }) ?? true {
                        patterns[key] = (cost, choice.span, venue)
                    }
                })
            var next: [Int: (cost: Double, slots: [Span], venues: [Int?])] = [:]
            for (key, entry) in patterns {
                if let allowed, !allowed.contains(key) { continue }
                let before = totals[key] ?? (0, [], [])
                next[key] = (before.cost + entry.cost, before.slots + [entry.slot], before.venues + [entry.venue])
            }
            totals = next
            common = Set(next.keys)
            if next.isEmpty { return [] }
        }
        return totals.filter { $0.key != current }.map {
            EjectionPattern(
                pattern: $0.key, slots: $0.value.slots, venues: $0.value.venues, estimate: $0.value.cost)
        }
        .sorted { ($0.estimate, $0.pattern) < ($1.estimate, $1.pattern) }.prefix(limit).map { $0 }
    }

    /// Moves the series to the pattern's slots, ejecting what stands there and placing it again
    /// at its best slot; kept when every session is placed again and `accept` takes the change
    /// of the score. Returns that change, or `nil` when it was undone.
    mutating func ejectForSeries(
        _ series: SeriesKey, to target: EjectionPattern, announced: Set<SessionKey>, accept: (Double) -> Bool
    ) -> Double? {
        let program = problem.programs[series.program]
        let keys = (0..<program.occurrenceCount).map {
            SessionKey(program: program.id, occurrence: $0, session: series.session)
        }
        guard keys.count == target.slots.count else { return nil }
        let units = keys.compactMap { unit($0) }
        guard units.count == keys.count else { return nil }
        let own = Set(keys)
        var blockers: [SessionKey] = []
        for (position, unit) in units.enumerated() {
            let slot = target.slots[position]
            var found: [SessionKey] = []
            for participant in unit.plan.required {
                found += occupancy.bookings(ofParticipant: participant, overlapping: slot).map(\.key)
            }
            if let venue = target.venues[position] {
                found += occupancy.bookings(ofVenue: venue, overlapping: slot).map(\.key)
            }
            for key in found where !own.contains(key) && !blockers.contains(key) {
                guard isMovable(key, announced: announced) else { return nil }
                blockers.append(key)
            }
        }
        blockers.sort()
        let moved = keys + blockers
        let waiting = absencesBlocked(by: moved, excluding: Set(moved), announced: announced)
        let scored = moved + waiting.sorted()
        let costBefore = cost(of: scored)
        let original = moved.compactMap { occupancy.remove($0) }
        var complete = true
        for (unit, slot) in zip(units, target.slots) where !place(unit, at: slot) {
            complete = false
            break
        }
        if complete {
            for key in blockers {
                guard let unit = unit(key), place(unit) else {
                    complete = false
                    break
                }
            }
        }
        var rejoined: [PlacedSession] = []
        if complete {
            for key in waiting.sorted() {
                guard let before = occupancy.placed[key], let unit = unit(key) else { continue }
                occupancy.remove(key)
                if place(unit, at: before.span) {
                    rejoined.append(before)
                } else {
                    occupancy.add(before)
                }
            }
            let delta = cost(of: scored) - costBefore
            if accept(delta) { return delta }
        }
        for key in moved { occupancy.remove(key) }
        for session in original { occupancy.add(session) }
        for session in rejoined {
            occupancy.remove(session.key)
            occupancy.add(session)
        }
        return nil
    }

    /// The series of movable programs that cost something: drift, weekday changes, same-day
    /// pairs, awkward hours.
    func seriesForEjection(announced: Set<SessionKey>) -> [SeriesKey] {
        var result: [SeriesKey] = []
        for (index, program) in problem.programs.enumerated() where program.occurrenceCount > 1 {
            for plan in program.sessions {
                let keys = (0..<program.occurrenceCount).map {
                    SessionKey(program: program.id, occurrence: $0, session: plan.id)
                }
                guard keys.allSatisfy({ isMovable($0, announced: announced) }) else { continue }
                if cost(of: keys) > SlotChooser.tolerance { result.append(SeriesKey(program: index, session: plan.id)) }
            }
        }
        return result
    }
}
