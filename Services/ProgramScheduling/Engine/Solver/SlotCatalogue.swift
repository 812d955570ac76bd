import Foundation

/// Every slot the hard rules that do not depend on other sessions leave each session of a
/// problem, with what the slot costs in the soft score: the problem written out for an exact
/// solver (the optimality benchmark hands it to a constraint solver), so that the solver works
/// on the engine's own calendar, slots and weights instead of computing them again.
///
/// A session's placement is one of its candidates. Its required participants always attend;
/// an optional invitee attends when the candidate allows them (``Candidate/optionalCosts`` is
/// not `nil`) and no other session they attend overlaps it, and is absent otherwise. The
/// bookings left out here are the pairwise hard rules: no participant attends two overlapping
/// sessions, no venue holds two at once. The score of a choice of candidates and attendees is
/// the candidates' own costs, the optional invitees' attendance or absence costs, and the
/// pairwise terms: same-day pairs per attendee and local day, series drift and weekday changes
/// against a series' first occurrence, and conference spread per occurrence.
public struct SlotCatalogue: Sendable {
    /// One slot of one session.
    public struct Candidate: Sendable, Hashable {
        /// Seconds since 1970 of the start and end.
        public let start: Int
        public let end: Int
        /// Venue index into ``SchedulingProblem/venues``, for a session in person.
        public let venue: Int?
        /// Outside preferred hours, required participants outside comfortable hours and on the
        /// festival seasons the weights count.
        public let cost: Double
        /// Per optional invitee of the session: what attending costs them here (comfortable
        /// hours and festival seasons), or `nil` when they cannot come (hours, unavailability).
        public let optionalCosts: [Double?]
        /// Per invitee, required then optional: the local day the session counts on for them
        /// (days since 1970; the venue's for a session in person, their own for one online).
        public let days: [Int]
        /// Local minute of the day and weekday (0 Sunday) of the start on the organiser's clock.
        public let minute: Int
        public let weekday: Int
    }

    /// One session to place.
    public struct Session: Sendable {
        public let key: SessionKey
        /// Index of the program's occurrence among all occurrences: sessions of one occurrence
        /// form no same-day pair with each other, and a conference's spread is counted per
        /// occurrence.
        public let occurrenceGroup: Int
        /// Index of the series (a session of a recurring program across its occurrences), for
        /// a program that recurs.
        public let series: Int?
        /// Whether the program has several sessions per occurrence (its spread counts).
        public let isConference: Bool
        /// Participant indices into ``SchedulingProblem/participants``.
        public let required: [Int]
        public let optional: [Int]
        /// What one absent optional invitee costs.
        public let absenceCost: Double
        public let candidates: [Candidate]
    }

    public let sessions: [Session]
    /// Per participant whose same-day pairs count: their index.
    public let participantCount: Int
    public let venueCount: Int
    public let sameDayPair: Double
    public let seriesDriftPerHour: Double
    public let seriesWeekdayChange: Double
    public let conferenceSpreadPerHour: Double

    /// The catalogue of every session of `problem` (fixed placements are not in it: the
    /// benchmark's problems have none).
    public init(_ problem: SchedulingProblem) {
        let index = AvailabilityIndex(problem)
        let state = SolverState(problem, index: index, placements: [])
        let weights = problem.weights
        var sessions: [Session] = []
        var group = 0
        var seriesIndex: [SolverState.SeriesKey: Int] = [:]
        for program in problem.programs.indices {
            let resolved = problem.resolved[program]
            let organiserClock = index.clock(ofParticipant: resolved.organiser)
            let preferred = index.preferredHours(ofProgram: program)
            let absence = weights.absentOptionalInvitee(of: problem.programs[program])
            let units = SessionUnit.units(ofProgram: program, in: problem)
            for unit in units {
                let groupOfUnit = group + unit.occurrence
                var series: Int?
                if problem.programs[program].occurrenceCount > 1 {
                    let key = SolverState.SeriesKey(program: program, session: unit.key.session)
                    series = seriesIndex[key] ?? seriesIndex.count
                    seriesIndex[key] = series
                }
                let rules = UnitRules(unit, over: state.searchRange(of: unit), index: index, occupancy: state.occupancy) {
                    _ in false
                }
                let free = rules.freeTime()
                let plan = unit.plan
                let isMinutes = unit.seconds != nil
                var candidates: [Candidate] = []
                for option in free.indices {
                    let venue = rules.venue(ofOption: option)
                    rules.forEachSlot(in: free[option], option: option) { slot in
                        var cost = 0.0
                        if isMinutes, let preferred, !preferred.contains(slot) { cost += weights.outsidePreferredHours }
                        for participant in plan.required {
                            cost += Self.attendanceCost(
                                of: participant, at: slot, minutes: isMinutes, problem: problem, index: index)
                        }
                        let optionalCosts = plan.optional.map { participant -> Double? in
                            if isMinutes && !index.acceptableHours(ofParticipant: participant).contains(slot) {
                                return nil
                            }
                            if index.unavailability(ofParticipant: participant).overlaps(slot) { return nil }
                            return Self.attendanceCost(
                                of: participant, at: slot, minutes: isMinutes, problem: problem, index: index)
                        }
                        let days = (plan.required + plan.optional).map { participant in
                            (venue.map { index.clock(ofVenue: $0) } ?? index.clock(ofParticipant: participant))
                                .localDay(of: slot.start)
                        }
                        candidates.append(
                            Candidate(
                                start: slot.start, end: slot.end, venue: venue, cost: cost, optionalCosts: optionalCosts,
                                days: days, minute: organiserClock.localMinute(of: slot.start),
                                weekday: weekdayNumber(ofDay: organiserClock.localDay(of: slot.start))))
                        return true
                    }
                }
                sessions.append(
                    Session(
                        key: unit.key, occurrenceGroup: groupOfUnit, series: series,
                        isConference: problem.programs[program].sessions.count > 1, required: plan.required,
                        optional: plan.optional, absenceCost: absence, candidates: candidates))
            }
            group += problem.programs[program].occurrenceCount
        }
        self.sessions = sessions
        participantCount = problem.participants.count
        venueCount = problem.venues.count
        sameDayPair = weights.sameDayPair
        seriesDriftPerHour = weights.seriesDriftPerHour
        seriesWeekdayChange = weights.seriesWeekdayChange
        conferenceSpreadPerHour = weights.conferenceSpreadPerHour
    }

    /// What attending at `slot` costs one participant on their own: comfortable hours (for a
    /// session measured in minutes) and the festival seasons the weights count.
    private static func attendanceCost(
        of participant: Int, at slot: Span, minutes: Bool, problem: SchedulingProblem, index: AvailabilityIndex
    ) -> Double {
        let weights = problem.weights
        var cost = 0.0
        if minutes, problem.participants[participant].comfortableHours != problem.participants[participant].acceptableHours,
            !index.comfortableHours(ofParticipant: participant).contains(slot)
        {
            cost += weights.outsideComfortableHours
        }
        if weights.cholHamoed > 0 || weights.festivalEveAfternoon > 0 {
            let seasons = index.festivalSeasons(ofParticipant: participant)
            if seasons.cholHamoed.overlaps(slot) { cost += weights.cholHamoed }
            if seasons.eveAfternoons.overlaps(slot) { cost += weights.festivalEveAfternoon }
        }
        return cost
    }

    /// The schedule that puts each session at the chosen candidate (by position in
    /// ``Session/candidates``, `nil` for a session left out) with the given optional invitees
    /// attending (participant indices); the other optional invitees are absent.
    public func schedule(
        choosing choices: [(candidate: Int, attendingOptional: [Int])?], of problem: SchedulingProblem
    ) -> Schedule {
        var placements: [Placement] = []
        for (session, choice) in zip(sessions, choices) {
            guard let choice, session.candidates.indices.contains(choice.candidate) else { continue }
            let candidate = session.candidates[choice.candidate]
            let attending = Set(choice.attendingOptional)
            placements.append(
                Placement(
                    key: session.key, start: Date(instant: candidate.start), end: Date(instant: candidate.end),
                    venue: candidate.venue.map { problem.venues[$0].id },
                    attendees: (session.required + session.optional.filter { attending.contains($0) }).map {
                        problem.participants[$0].id
                    },
                    absentees: session.optional.filter { !attending.contains($0) }.map { problem.participants[$0].id }))
        }
        return Schedule(placements: placements)
    }

    /// The candidate of each session a schedule places there (`nil` when it places the session
    /// nowhere or somewhere not in the catalogue) and its attending optional invitees.
    public func choices(of schedule: Schedule, in problem: SchedulingProblem) -> [(
        candidate: Int, attendingOptional: [Int]
    )?] {
        var byKey: [SessionKey: Placement] = [:]
        for placement in schedule.placements { byKey[placement.key] = placement }
        return sessions.map { session in
            guard let placement = byKey[session.key] else { return nil }
            let start = placement.start.instant
            let venue = placement.venue.flatMap { problem.venueIndex[$0] }
            guard let candidate = session.candidates.firstIndex(where: { $0.start == start && $0.venue == venue })
            else { return nil }
            let attendees = Set(placement.attendees.compactMap { problem.participantIndex[$0] })
            return (candidate, session.optional.filter { attendees.contains($0) })
        }
    }
}
