/// The soft score's share of a set of placed sessions, exactly as ``SoftScore`` counts it: what
/// each session costs on its own (preferred and comfortable hours, absent invitees), the
/// same-day pairs it is part of, and the whole series and conference occurrences it belongs
/// to. The difference of this cost before and after moving the set is the change of the whole
/// schedule's score, which lets the improvement pass judge a move without scoring everything.
extension SolverState {
    /// The cost of the sessions named by `keys` as they are placed now; keys not placed add
    /// nothing of their own.
    func cost(of keys: [SessionKey]) -> Double {
        let weights = problem.weights
        let members = Set(keys)
        var total = 0.0
        var series: Set<SeriesKey> = []
        var conferences: Set<ConferenceKey> = []
        for key in keys {
            guard let placed = occupancy.placed[key], let (program, session) = problem.locate(key) else { continue }
            total += ownCost(of: placed, program: program, session: session)
            for attendee in placed.attendees {
                let day = localDay(of: placed, for: attendee)
                let range = Span(placed.span.start - 2 * 86_400, placed.span.end + 2 * 86_400)
                for booking in occupancy.bookings(ofParticipant: attendee, overlapping: range)
                where booking.key.program != key.program || booking.key.occurrence != key.occurrence {
                    // A pair inside the set is counted once, from its later key.
                    if members.contains(booking.key) && booking.key > key { continue }
                    guard let other = occupancy.placed[booking.key], localDay(of: other, for: attendee) == day else { continue }
                    total += weights.sameDayPair
                }
            }
            if problem.programs[program].occurrenceCount > 1 {
                series.insert(SeriesKey(program: program, session: key.session))
            }
            if problem.programs[program].sessions.count > 1 {
                conferences.insert(ConferenceKey(program: program, occurrence: key.occurrence))
            }
        }
        for key in series { total += seriesCost(key) }
        for key in conferences { total += conferenceCost(key) }
        return total
    }

    /// One series: a session of a recurring program, across its occurrences.
    struct SeriesKey: Hashable {
        let program: Int
        let session: SessionPlan.ID
    }

    /// One occurrence of a program with several sessions.
    struct ConferenceKey: Hashable {
        let program: Int
        let occurrence: Int
    }

    /// Preferred hours, comfortable hours, festival seasons and absent invitees of one placed
    /// session.
    func ownCost(of placed: PlacedSession, program: Int, session: Int) -> Double {
        let weights = problem.weights
        var total = weights.absentOptionalInvitee(of: problem.programs[program]) * Double(placed.absentees.count)
        if weights.cholHamoed > 0 || weights.festivalEveAfternoon > 0 {
            for attendee in placed.attendees {
                let seasons = index.festivalSeasons(ofParticipant: attendee)
                if seasons.cholHamoed.overlaps(placed.span) { total += weights.cholHamoed }
                if seasons.eveAfternoons.overlaps(placed.span) { total += weights.festivalEveAfternoon }
            }
        }
        guard case .minutes = problem.resolved[program].sessions[session].length else { return total }
        if let preferred = index.preferredHours(ofProgram: program), !preferred.contains(placed.span) {
            total += weights.outsidePreferredHours
        }
        for attendee in placed.attendees {
            let participant = problem.participants[attendee]
            guard participant.comfortableHours != participant.acceptableHours else { continue }
            if !index.comfortableHours(ofParticipant: attendee).contains(placed.span) {
                total += weights.outsideComfortableHours
            }
        }
        return total
    }

    /// The local day a session counts on for one attendee: the venue's for one in person,
    /// the attendee's own for one online.
    private func localDay(of placed: PlacedSession, for attendee: Int) -> Int {
        let clock = placed.venue.map { index.clock(ofVenue: $0) } ?? index.clock(ofParticipant: attendee)
        return clock.localDay(of: placed.span.start)
    }

    /// Drift and weekday changes of a series' later occurrences from its first placed one, on
    /// the organiser's clock.
    func seriesCost(_ series: SeriesKey) -> Double {
        let program = problem.programs[series.program]
        let clock = index.clock(ofParticipant: problem.resolved[series.program].organiser)
        var anchor: (minute: Int, weekday: Int)?
        var total = 0.0
        for occurrence in 0..<program.occurrenceCount {
            let key = SessionKey(program: program.id, occurrence: occurrence, session: series.session)
            guard let placed = occupancy.placed[key] else { continue }
            let minute = clock.localMinute(of: placed.span.start)
            let weekday = weekdayNumber(ofDay: clock.localDay(of: placed.span.start))
            guard let first = anchor else {
                anchor = (minute, weekday)
                continue
            }
            let difference = abs(minute - first.minute)
            total += problem.weights.seriesDriftPerHour * Double(min(difference, 1440 - difference)) / 60
            if weekday != first.weekday { total += problem.weights.seriesWeekdayChange }
        }
        return total
    }

    /// Hours one conference occurrence occupies beyond its longest session.
    func conferenceCost(_ conference: ConferenceKey) -> Double {
        let program = problem.programs[conference.program]
        var start = Int.max
        var end = Int.min
        var longest = 0
        for plan in program.sessions {
            let key = SessionKey(program: program.id, occurrence: conference.occurrence, session: plan.id)
            guard let placed = occupancy.placed[key] else { continue }
            start = min(start, placed.span.start)
            end = max(end, placed.span.end)
            longest = max(longest, placed.span.length)
        }
        guard start < end else { return 0 }
        return problem.weights.conferenceSpreadPerHour * Double(end - start - longest) / 3600
    }
}
