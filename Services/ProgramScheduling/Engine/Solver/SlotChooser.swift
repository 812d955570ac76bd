/// Scores the slots the hard rules leave for one session by the weighted soft preferences and
/// picks the best; every preference is a sorted set walked once, or a lookup by local day.
struct SlotChooser {
    static let tolerance = 1e-9

    private let rules: UnitRules
    private let index: AvailabilityIndex
    private let weights: SoftWeights
    private let absenceWeight: Double
    private let preferred: SpanSet?
    /// Start instants at which each required participant is comfortable, for those whose
    /// comfortable hours differ from the acceptable ones.
    private let requiredComfort: [SpanSet]
    /// The festival seasons of each required participant, when the weights count them.
    private let requiredSeasons: [AvailabilityIndex.FestivalSeasons]
    private let optional: [OptionalInvitee]
    /// Sessions per local day of each required participant.
    private let requiredLoad: [DayLoad]
    private let conference: Span?
    private let series: (minute: Int, weekday: Int, clock: ZoneClock)?

    private struct OptionalInvitee {
        let participant: Int
        /// Starts (minutes sessions) or whole slots (day sessions) at which they can come.
        let available: SpanSet
        let comfortable: SpanSet?
        let load: DayLoad
        let seasons: AvailabilityIndex.FestivalSeasons?
    }

    /// How many sessions a participant already has on each local day near the session, other
    /// than those of the same occurrence of its program. A day is local to where each session
    /// happens: the venue's for one in person (a traveller's day there is the venue's), the
    /// participant's own for one online.
    struct DayLoad {
        let home: ZoneClock
        let counts: [Int: Int]

        init(
            participant: Int, around range: Span, index: AvailabilityIndex, occupancy: Occupancy,
            excluding key: SessionKey
        ) {
            home = index.clock(ofParticipant: participant)
            var counts: [Int: Int] = [:]
            for booking in occupancy.bookings(
                ofParticipant: participant, overlapping: Span(range.start - 2 * 86_400, range.end + 2 * 86_400))
            where booking.key.program != key.program || booking.key.occurrence != key.occurrence {
                let clock = occupancy.placed[booking.key]?.venue.map { index.clock(ofVenue: $0) } ?? home
                counts[clock.localDay(of: booking.span.start), default: 0] += 1
            }
            self.counts = counts
        }

        /// Sessions on the local day of `instant`, read on the venue's clock if there is one.
        func count(at instant: Int, venueClock: ZoneClock?) -> Int {
            counts.isEmpty ? 0 : counts[(venueClock ?? home).localDay(of: instant)] ?? 0
        }
    }

    init(_ rules: UnitRules, index: AvailabilityIndex, occupancy: Occupancy) {
        self.rules = rules
        self.index = index
        let problem = index.problem
        weights = problem.weights
        let unit = rules.unit
        absenceWeight = problem.weights.absentOptionalInvitee(of: problem.programs[unit.program])
        let range = rules.range
        let seconds = unit.seconds

        if let seconds, let hours = index.preferredHours(ofProgram: unit.program) {
            preferred = hours.clipped(to: Span(range.start, range.end + seconds)).startsFitting(seconds)
        } else {
            preferred = nil
        }
        requiredComfort = unit.plan.required.compactMap { participant in
            guard let seconds,
                problem.participants[participant].comfortableHours != problem.participants[participant].acceptableHours
            else { return nil }
            return index.comfortableHours(ofParticipant: participant).clipped(
                to: Span(range.start, range.end + seconds)
            )
            .startsFitting(seconds)
        }
        let weighsSeasons = problem.weights.cholHamoed > 0 || problem.weights.festivalEveAfternoon > 0
        requiredSeasons =
            weighsSeasons ? unit.plan.required.map { index.festivalSeasons(ofParticipant: $0) } : []
        requiredLoad = unit.plan.required.map {
            DayLoad(participant: $0, around: range, index: index, occupancy: occupancy, excluding: unit.key)
        }
        optional = unit.plan.optional.map { participant in
            let widened = Span(range.start, range.end + (seconds ?? 0))
            var free = SpanSet(widened)
            if let seconds {
                free = free.intersection(index.acceptableHours(ofParticipant: participant))
                free = free.subtracting(index.unavailability(ofParticipant: participant))
                free = free.subtracting(occupancy.busy(ofParticipant: participant, in: widened))
                let comfortable =
                    problem.participants[participant].comfortableHours
                        == problem.participants[participant].acceptableHours
                    ? nil
                    : index.comfortableHours(ofParticipant: participant).clipped(to: widened).startsFitting(seconds)
                return OptionalInvitee(
                    participant: participant, available: free.startsFitting(seconds), comfortable: comfortable,
                    load: DayLoad(
                        participant: participant, around: range, index: index, occupancy: occupancy, excluding: unit.key
                    ), seasons: weighsSeasons ? index.festivalSeasons(ofParticipant: participant) : nil)
            }
            free = free.subtracting(index.unavailability(ofParticipant: participant))
            free = free.subtracting(occupancy.busy(ofParticipant: participant, in: widened))
            return OptionalInvitee(
                participant: participant, available: free, comfortable: nil,
                load: DayLoad(
                    participant: participant, around: range, index: index, occupancy: occupancy, excluding: unit.key),
                seasons: weighsSeasons ? index.festivalSeasons(ofParticipant: participant) : nil)
        }

        // Conference: the span of the occurrence's other sessions placed so far.
        let program = problem.programs[unit.program]
        var conference: Span?
        if program.sessions.count > 1 {
            for plan in program.sessions where plan.id != unit.key.session {
                let key = SessionKey(program: program.id, occurrence: unit.occurrence, session: plan.id)
                if let other = occupancy.placed[key] {
                    conference =
                        conference.map { Span(min($0.start, other.span.start), max($0.end, other.span.end)) }
                        ?? other.span
                }
            }
        }
        self.conference = conference

        // Series: the local time of day and weekday of the earliest other occurrence placed.
        var series: (Int, Int, ZoneClock)?
        if program.occurrenceCount > 1 {
            let clock = index.clock(ofParticipant: problem.resolved[unit.program].organiser)
            for occurrence in 0..<program.occurrenceCount where occurrence != unit.occurrence {
                let key = SessionKey(program: program.id, occurrence: occurrence, session: unit.key.session)
                if let anchor = occupancy.placed[key] {
                    series = (
                        clock.localMinute(of: anchor.span.start),
                        weekdayNumber(ofDay: clock.localDay(of: anchor.span.start)), clock
                    )
                    break
                }
            }
        }
        self.series = series
    }

    /// The best slot in the free time of each option, or `nil` when there is none. With an
    /// incumbent (where the session is now), slots that cannot beat it are cut short, and the
    /// incumbent comes back when none does.
    func best(in free: [SpanSet], incumbent: SlotChoice? = nil) -> SlotChoice? {
        var best = incumbent
        for option in free.indices {
            var cursors = Cursors(self)
            rules.forEachSlot(in: free[option], option: option) { slot in
                if let current = best, current.score <= Self.tolerance, slot.start >= current.span.start {
                    return false
                }
                guard let choice = evaluate(slot, option: option, cursors: &cursors, bound: best?.score),
                    best.map({ choice.isBetter(than: $0) }) ?? true
                else { return true }
                best = choice
                return true
            }
        }
        return best
    }

    /// A slot of the lowest cost in the free time of each option, drawn from the generator
    /// among those of equal cost (each as likely as another), or `nil` when there is none.
    func best(in free: [SpanSet], random: inout SeededRandom) -> SlotChoice? {
        var best: SlotChoice?
        var ties = 0
        for option in free.indices {
            var cursors = Cursors(self)
            rules.forEachSlot(in: free[option], option: option) { slot in
                guard let choice = evaluate(slot, option: option, cursors: &cursors, bound: best?.score) else {
                    return true
                }
                if let current = best, choice.score > current.score - Self.tolerance {
                    ties += 1
                    if random.next() % UInt64(ties) == 0 { best = choice }
                } else {
                    best = choice
                    ties = 1
                }
                return true
            }
        }
        return best
    }

    /// Every slot in the free time of each option with its choice, in order of start within
    /// each option (cursors only move forward, so skipped slots cost nothing to score later).
    /// Only the slots `filter` accepts are scored, and only those that cost at most `bound` are
    /// passed on.
    func forEachChoice(
        in free: [SpanSet], bound: Double? = nil, where filter: (Span) -> Bool, _ body: (SlotChoice) -> Void
    ) {
        for option in free.indices {
            var cursors = Cursors(self)
            rules.forEachSlot(in: free[option], option: option) { slot in
                guard filter(slot) else { return true }
                if let choice = evaluate(slot, option: option, cursors: &cursors, bound: bound) { body(choice) }
                return true
            }
        }
    }

    /// The choice of one given slot, which the hard rules must already allow.
    func choice(at slot: Span, option: Int) -> SlotChoice? {
        var cursors = Cursors(self)
        return evaluate(slot, option: option, cursors: &cursors, bound: nil)
    }

    /// Cursors over the sorted sets, valid while slots are asked in increasing order.
    private struct Cursors {
        var preferred: SpanCursor?
        var comfort: [SpanCursor]
        var optional: [SpanCursor]
        var optionalComfort: [SpanCursor?]

        init(_ chooser: SlotChooser) {
            preferred = chooser.preferred.map(SpanCursor.init)
            comfort = chooser.requiredComfort.map(SpanCursor.init)
            optional = chooser.optional.map { SpanCursor($0.available) }
            optionalComfort = chooser.optional.map { $0.comfortable.map(SpanCursor.init) }
        }
    }

    /// The slot's soft cost, or `nil` as soon as it exceeds `bound` (every term is non-negative).
    private func evaluate(_ slot: Span, option: Int, cursors: inout Cursors, bound: Double?) -> SlotChoice? {
        let limit = (bound ?? .infinity) + Self.tolerance
        var score = 0.0
        if var cursor = cursors.preferred {
            if !cursor.contains(slot.start) { score += weights.outsidePreferredHours }
            cursors.preferred = cursor
        }
        for position in cursors.comfort.indices {
            if !cursors.comfort[position].contains(slot.start) { score += weights.outsideComfortableHours }
        }
        for seasons in requiredSeasons {
            score += seasonCost(seasons, slot)
        }
        let venueClock = rules.venue(ofOption: option) == nil ? nil : rules.dayClocks[option]
        for load in requiredLoad {
            score += weights.sameDayPair * Double(load.count(at: slot.start, venueClock: venueClock))
        }
        if let conference {
            let widened = max(conference.end, slot.end) - min(conference.start, slot.start)
            score += weights.conferenceSpreadPerHour * Double(widened - conference.length) / 3600
        }
        if let series {
            let minute = series.clock.localMinute(of: slot.start)
            let difference = abs(minute - series.minute)
            score += weights.seriesDriftPerHour * Double(min(difference, 1440 - difference)) / 60
            if weekdayNumber(ofDay: series.clock.localDay(of: slot.start)) != series.weekday {
                score += weights.seriesWeekdayChange
            }
        }
        if score > limit { return nil }

        var attendees = rules.unit.plan.required
        var absentees: [Int] = []
        for (position, invitee) in optional.enumerated() {
            let available =
                rules.unit.seconds == nil
                ? invitee.available.contains(slot) : cursors.optional[position].contains(slot.start)
            if available {
                attendees.append(invitee.participant)
                score += weights.sameDayPair * Double(invitee.load.count(at: slot.start, venueClock: venueClock))
                if let seasons = invitee.seasons { score += seasonCost(seasons, slot) }
                if var comfort = cursors.optionalComfort[position] {
                    if !comfort.contains(slot.start) { score += weights.outsideComfortableHours }
                    cursors.optionalComfort[position] = comfort
                }
            } else {
                absentees.append(invitee.participant)
                score += absenceWeight
            }
        }
        if score > limit { return nil }
        return SlotChoice(span: slot, option: option, attendees: attendees.sorted(), absentees: absentees, score: score)
    }

    /// What a slot costs one attendee for falling on Chol HaMoed or a festival eve's afternoon.
    private func seasonCost(_ seasons: AvailabilityIndex.FestivalSeasons, _ slot: Span) -> Double {
        (seasons.cholHamoed.overlaps(slot) ? weights.cholHamoed : 0)
            + (seasons.eveAfternoons.overlaps(slot) ? weights.festivalEveAfternoon : 0)
    }
}
