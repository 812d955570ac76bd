import Foundation
import JewishCalendar

/// Every hard rule that bears on one session, as time sets clipped to the range searched, and
/// the slots they leave: the solver intersects all of them, explanations leave some out.
///
/// A session in person may use any one of its venues ("options", by position); a virtual
/// session has one option without a venue.
struct UnitRules {
    let unit: SessionUnit
    let range: Span
    let groups: [RuleGroup]
    /// One clock per option, on which whole-day sessions start at midnight.
    let dayClocks: [ZoneClock]
    private let grid: Int

    /// Builds the groups of `unit` over `range`. Bookings of other sessions count when
    /// `countsBooking` says so (the solver counts all; a displacement only the locked ones; an
    /// explanation all but the session's own).
    init(
        _ unit: SessionUnit, over range: Span, index: AvailabilityIndex, occupancy: Occupancy,
        countsBooking: (Occupancy.Booking) -> Bool
    ) {
        self.unit = unit
        self.range = range
        let problem = index.problem
        grid = problem.slotMinutes * 60
        let plan = unit.plan
        let venues = plan.venues
        var groups: [RuleGroup] = []

        groups.append(
            RuleGroup(
                .earliestStart(Date(instant: unit.window.start)), .allowed(SpanSet(Span(unit.window.start, range.end))))
        )
        groups.append(
            RuleGroup(.deadline(Date(instant: unit.window.end)), .allowed(SpanSet(Span(range.start, unit.window.end)))))

        if unit.seconds != nil {
            groups += Self.workingHours(of: plan.required, over: range, index: index)
        }
        groups += Self.restDays(of: unit, over: range, index: index)

        for participant in plan.required {
            let unavailable = index.unavailability(ofParticipant: participant).clipped(to: range)
            if !unavailable.isEmpty {
                groups.append(
                    RuleGroup(.participantUnavailable(problem.participants[participant].id), .blocked(unavailable)))
            }
        }
        for participant in plan.required {
            let booked = occupancy.bookings(ofParticipant: participant, overlapping: range).filter(countsBooking)
            if !booked.isEmpty {
                groups.append(
                    RuleGroup(
                        .participantBooked(problem.participants[participant].id),
                        .blocked(SpanSet(merging: booked.map(\.span)))))
            }
        }

        if !venues.isEmpty {
            let fits = venues.map { problem.venues[$0].capacity >= plan.headcount }
            if fits.contains(false) {
                groups.append(RuleGroup(.venueCapacity(headcount: plan.headcount), .venueFilter(fits)))
            }
            if unit.seconds != nil {
                let opening = venues.map { venue -> SpanSet? in
                    problem.venues[venue].openingHours == .always
                        ? nil : index.openingHours(ofVenue: venue).clipped(to: range)
                }
                if opening.contains(where: { $0 != nil }) {
                    groups.append(RuleGroup(.venueOpeningHours, .venueAllowed(opening)))
                }
            }
            let unavailable = venues.map { venue -> SpanSet? in
                let spans = index.unavailability(ofVenue: venue).clipped(to: range)
                return spans.isEmpty ? nil : spans
            }
            if unavailable.contains(where: { $0 != nil }) {
                groups.append(RuleGroup(.venueUnavailable, .venueBlocked(unavailable)))
            }
            let booked = venues.map { venue -> SpanSet? in
                let bookings = occupancy.bookings(ofVenue: venue, overlapping: range).filter(countsBooking)
                return bookings.isEmpty ? nil : SpanSet(merging: bookings.map(\.span))
            }
            if booked.contains(where: { $0 != nil }) {
                groups.append(RuleGroup(.venueBooked, .venueBlocked(booked)))
            }
            dayClocks = venues.map { index.clock(ofVenue: $0) }
        } else {
            dayClocks = [index.clock(ofParticipant: problem.resolved[unit.program].organiser)]
        }
        self.groups = groups
    }

    /// How many options there are: the venues, or one for a virtual session.
    var optionCount: Int {
        max(1, unit.plan.venues.count)
    }

    /// The venue index of an option, `nil` for a virtual session.
    func venue(ofOption option: Int) -> Int? {
        unit.plan.venues.isEmpty ? nil : unit.plan.venues[option]
    }

    // MARK: - Slots

    /// For each option, the time the rules in `included` leave for the session (all rules when
    /// `nil`), before fitting the session's length.
    func freeTime(including included: [Bool]? = nil) -> [SpanSet] {
        var common = SpanSet(range)
        var blocked: [SpanSet] = []
        for (position, group) in groups.enumerated() where included?[position] ?? true {
            switch group.effect {
            case .allowed(let spans): common = common.intersection(spans)
            case .blocked(let spans): blocked.append(spans)
            default: break
            }
        }
        for spans in blocked {
            common = common.subtracting(spans)
        }
        return (0..<optionCount).map { option in
            var free = common
            for (position, group) in groups.enumerated() where included?[position] ?? true {
                switch group.effect {
                case .venueAllowed(let sets): if let spans = sets[option] { free = free.intersection(spans) }
                case .venueBlocked(let sets): if let spans = sets[option] { free = free.subtracting(spans) }
                case .venueFilter(let allowed): if !allowed[option] { free = SpanSet() }
                default: break
                }
                if free.isEmpty { break }
            }
            return free
        }
    }

    /// Calls `body` with every slot the session could take within `free` time of `option`, in
    /// order: grid-aligned starts for a session in minutes, local midnights for whole days.
    /// `body` returns false to stop.
    func forEachSlot(in free: SpanSet, option: Int, _ body: (Span) -> Bool) {
        if let seconds = unit.seconds {
            for span in free.startsFitting(seconds).spans {
                var start = (floorDivide(span.start - 1, grid) + 1) * grid
                while start < span.end {
                    if !body(Span(start, start + seconds)) { return }
                    start += grid
                }
            }
        } else if case .days(let days) = unit.plan.length, !free.isEmpty {
            let clock = dayClocks[option]
            let firstDay = clock.localDay(of: free.spans[0].start)
            let lastDay = clock.localDay(of: free.spans[free.spans.count - 1].end)
            for day in firstDay...max(firstDay, lastDay) {
                let slot = Span(clock.midnight(ofDay: day), clock.midnight(ofDay: day + days))
                if free.contains(slot) && !body(slot) { return }
            }
        }
    }

    /// Whether the rules in `included` leave any slot at all.
    func hasSlot(including included: [Bool]? = nil) -> Bool {
        let free = freeTime(including: included)
        for option in 0..<optionCount {
            var found = false
            forEachSlot(in: free[option], option: option) { _ in
                found = true
                return false
            }
            if found { return true }
        }
        return false
    }

    // MARK: - Building the groups

    /// One group per place and hours among the required participants, named by the place.
    private static func workingHours(of required: [Int], over range: Span, index: AvailabilityIndex) -> [RuleGroup] {
        let problem = index.problem
        struct Key: Equatable {
            let zone: String
            let hours: WeeklyHours
            let place: String
        }
        var keys: [Key] = []
        var members: [[Int]] = []
        for participant in required {
            let key = Key(
                zone: problem.participantCalendars[participant].location.timeZoneIdentifier,
                hours: problem.participants[participant].acceptableHours,
                place: problem.participants[participant].place.name)
            if let position = keys.firstIndex(of: key) {
                members[position].append(participant)
            } else {
                keys.append(key)
                members.append([participant])
            }
        }
        return zip(keys, members).map { key, participants in
            // Two groups in one place differ in hours: name the people instead.
            let shared = keys.filter { $0.place == key.place }.count > 1
            let name =
                shared
                ? "\(key.place) (\(RulePhrasing.list(participants.map { problem.participants[$0].name })))" : key.place
            var allowed = SpanSet(range)
            for participant in participants {
                allowed = allowed.intersection(index.acceptableHours(ofParticipant: participant))
            }
            return RuleGroup(
                .workingHours(place: name, participants: participants.map { problem.participants[$0].id }),
                .allowed(allowed))
        }
    }

    /// Shabbat and festivals: at every invitee's place for a virtual session; at the venue, and
    /// for travellers as the program says, for one in person.
    private static func restDays(of unit: SessionUnit, over range: Span, index: AvailabilityIndex) -> [RuleGroup] {
        let problem = index.problem
        let invited = unit.plan.required + unit.plan.optional
        guard let observance = unit.plan.observance else {
            var calendars: [RestCalendar] = []
            for participant in invited.sorted() {
                let rest = RestCalendar(
                    calendar: problem.participantCalendars[participant],
                    placeName: problem.participants[participant].place.name)
                if !calendars.contains(where: { $0.calendar == rest.calendar }) { calendars.append(rest) }
            }
            return calendars.map { rest in
                RuleGroup(
                    .shabbatAndFestivals(place: rest.placeName),
                    .blocked(index.restWindows(rest.calendar).spans.clipped(to: range)), rest: rest)
            }
        }
        var calendars: [RestCalendar] = []
        var appliesTo: [[Bool]] = []
        let venues = unit.plan.venues
        for (option, venue) in venues.enumerated() {
            let venueCalendar = problem.venueCalendars[venue]
            let venueName = problem.venues[venue].place.name
            var rests = [RestCalendar(calendar: venueCalendar, placeName: venueName)]
            for participant in invited.sorted() {
                let home = problem.participantCalendars[participant]
                switch observance {
                case .venueOnly:
                    break
                case .travellersHomeSchedule where home.location.schedule != venueCalendar.location.schedule:
                    if let visitors = try? RestCalendar.visitors(
                        at: venueCalendar, placeName: venueName, keeping: home.location.schedule)
                    {
                        rests.append(visitors)
                    }
                case .travellersHomeSchedule:
                    break
                case .travellersHomePlaces:
                    if home.location.timeZoneIdentifier != venueCalendar.location.timeZoneIdentifier
                        || home.location.schedule != venueCalendar.location.schedule
                    {
                        rests.append(
                            RestCalendar(calendar: home, placeName: problem.participants[participant].place.name))
                    }
                }
            }
            for rest in rests {
                if let position = calendars.firstIndex(where: { $0.calendar == rest.calendar }) {
                    appliesTo[position][option] = true
                } else {
                    calendars.append(rest)
                    var flags = Array(repeating: false, count: venues.count)
                    flags[option] = true
                    appliesTo.append(flags)
                }
            }
        }
        return zip(calendars, appliesTo).map { rest, flags in
            let spans = index.restWindows(rest.calendar).spans.clipped(to: range)
            return RuleGroup(
                .shabbatAndFestivals(place: rest.placeName), .venueBlocked(flags.map { $0 ? spans : nil }), rest: rest)
        }
    }
}
