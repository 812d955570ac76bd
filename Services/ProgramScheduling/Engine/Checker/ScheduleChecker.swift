import Foundation
import JewishCalendar

/// Verifies every hard rule on any schedule, independently of the solver: local hours are
/// read with Foundation's calendar in each person's time zone, and Shabbat and festivals are
/// asked of the calendar library session by session, so that a mistake in the solver's cached
/// interval arithmetic shows up here rather than being repeated.
public enum ScheduleChecker {
    /// Every hard rule the schedule breaks, in the order of its placements; empty when it
    /// keeps them all.
    public static func violations(in schedule: Schedule, of problem: SchedulingProblem) -> [ScheduleViolation] {
        var violations: [ScheduleViolation] = []
        func report(_ kind: ScheduleViolation.Kind, _ key: SessionKey, _ description: String) {
            violations.append(ScheduleViolation(kind: kind, key: key, description: description))
        }

        var seen: Set<SessionKey> = []
        var participantBookings: [Participant.ID: [Placement]] = [:]
        var venueBookings: [Venue.ID: [Placement]] = [:]
        for placement in schedule.placements {
            let key = placement.key
            guard let (programIndex, sessionIndex) = problem.locate(key) else {
                report(.unknownSession, key, "\(key) is not a session of any program of the problem")
                continue
            }
            if !seen.insert(key).inserted {
                report(.duplicateSession, key, "\(key) is placed more than once")
            }
            for attendee in placement.attendees {
                participantBookings[attendee, default: []].append(placement)
            }
            if let venue = placement.venue {
                venueBookings[venue, default: []].append(placement)
            }
            let context = Context(
                problem: problem, placement: placement, program: problem.programs[programIndex],
                plan: problem.programs[programIndex].sessions[sessionIndex],
                resolved: problem.resolved[programIndex].sessions[sessionIndex])
            context.check(report)
        }

        for unplaced in schedule.unplaced where !seen.insert(unplaced.key).inserted {
            report(
                .duplicateSession, unplaced.key,
                "\(unplaced.key) is both placed and reported unplaced, or unplaced twice")
        }
        for program in problem.programs {
            for key in problem.sessionKeys(of: program.id) where !seen.contains(key) {
                report(.missingSession, key, "\(key) is neither placed nor reported unplaced")
            }
        }
        for fixed in problem.fixed where schedule.placement(of: fixed.key) != fixed {
            report(.fixedPlacementChanged, fixed.key, "fixed placement \(fixed.key) is missing or changed")
        }

        for (participant, placements) in participantBookings.sorted(by: { $0.key < $1.key }) {
            let name = problem.participant(participant)?.name ?? participant.rawValue
            for (earlier, later) in overlaps(placements) {
                report(
                    .participantDoubleBooked, later.key,
                    "\(name) attends \(earlier.key) and \(later.key) at once (\(InstantText.utc(later.start)))")
            }
        }
        for (venue, placements) in venueBookings.sorted(by: { $0.key < $1.key }) {
            let name = problem.venue(venue)?.name ?? venue.rawValue
            for (earlier, later) in overlaps(placements) {
                report(
                    .venueDoubleBooked, later.key,
                    "\(name) holds \(earlier.key) and \(later.key) at once (\(InstantText.utc(later.start)))")
            }
        }
        return violations
    }

    private static func overlaps(_ placements: [Placement]) -> [(Placement, Placement)] {
        let sorted = placements.sorted(by: Placement.chronological)
        var result: [(Placement, Placement)] = []
        var latest: Placement?
        for placement in sorted {
            if let earlier = latest, placement.start < earlier.end {
                result.append((earlier, placement))
            }
            if latest.map({ placement.end > $0.end }) ?? true { latest = placement }
        }
        return result
    }

    /// The rules of one placement.
    private struct Context {
        let problem: SchedulingProblem
        let placement: Placement
        let program: Program
        let plan: SessionPlan
        let resolved: ResolvedSession

        var key: SessionKey {
            placement.key
        }

        func check(_ report: (ScheduleViolation.Kind, SessionKey, String) -> Void) {
            let when = "\(key) at \(InstantText.utc(placement.start))"
            checkTimes(report, when)
            let required = resolved.required.map { problem.participants[$0].id }
            let optional = resolved.optional.map { problem.participants[$0].id }
            for id in required where !placement.attendees.contains(id) {
                report(.missingRequiredAttendee, key, "\(when) leaves out required \(describe(id))")
            }
            for id in placement.attendees where !required.contains(id) && !optional.contains(id) {
                report(.uninvitedAttendee, key, "\(when) has \(describe(id)), who is not invited")
            }
            for id in placement.absentees where !optional.contains(id) {
                report(
                    .uninvitedAttendee, key, "\(when) lists \(describe(id)) as absent, who is not an optional invitee")
            }
            for id in placement.attendees {
                guard let participant = problem.participant(id) else { continue }
                if case .minutes = plan.length,
                    let zone = TimeZone(identifier: participant.place.timeZoneIdentifier),
                    !ScheduleChecker.lies(placement.start, placement.end, within: participant.acceptableHours, in: zone)
                {
                    report(
                        .outsideWorkingHours, key,
                        "\(when) is outside the acceptable hours of \(describe(id)) (\(participant.acceptableHours), \(participant.place.timeZoneIdentifier))"
                    )
                }
                for period in participant.unavailable where period.start < placement.end && placement.start < period.end {
                    report(
                        .participantUnavailable, key,
                        "\(when) overlaps a period in which \(describe(id)) is unavailable")
                }
            }
            checkVenue(report, when)
            for (calendar, place) in restCalendars() {
                let windows = (try? calendar.forbiddenWindows(from: placement.start, to: placement.end)) ?? []
                if let window = windows.first {
                    let days = window.days.map { day in
                        day.yomTov.isEmpty ? "Shabbat" : day.yomTov.map(\.englishName).joined(separator: ", ")
                    }
                    report(
                        .duringShabbatOrFestival, key,
                        "\(when) overlaps \(days.joined(separator: ", ")) in \(place) (\(InstantText.utc(window.start)) to \(InstantText.utc(window.end)))"
                    )
                }
            }
        }

        private func checkTimes(_ report: (ScheduleViolation.Kind, SessionKey, String) -> Void, _ when: String) {
            switch plan.length {
            case .minutes(let minutes):
                if placement.end.timeIntervalSince(placement.start) != TimeInterval(minutes * 60) {
                    report(.wrongLength, key, "\(when) does not last \(minutes) minutes")
                }
            case .days(let days):
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = dayZone()
                let midnight = calendar.startOfDay(for: placement.start)
                if midnight != placement.start
                    || calendar.date(byAdding: .day, value: days, to: midnight) != placement.end
                {
                    report(
                        .wrongLength, key,
                        "\(when) is not \(days) whole days from midnight in \(calendar.timeZone.identifier)")
                }
            }
            if let window = problem.window(of: key.program, occurrence: key.occurrence) {
                if placement.start < window.start {
                    report(
                        .beforeEarliestStart, key,
                        "\(when) is before the earliest start \(InstantText.utc(window.start))")
                }
                if placement.end > window.end {
                    report(.afterDeadline, key, "\(when) ends after the deadline \(InstantText.utc(window.end))")
                }
            }
            if placement.start < problem.horizon.start || placement.end > problem.horizon.end {
                report(.outsideHorizon, key, "\(when) is not within the planning horizon")
            }
        }

        private func checkVenue(_ report: (ScheduleViolation.Kind, SessionKey, String) -> Void, _ when: String) {
            guard let venueID = placement.venue else {
                if !resolved.venues.isEmpty { report(.venueMissing, key, "\(when) meets in person but has no venue") }
                return
            }
            guard let venue = problem.venue(venueID), let venueIndex = problem.venueIndex[venueID] else {
                report(.venueNotAllowed, key, "\(when) is at unknown venue \(venueID)")
                return
            }
            if resolved.venues.isEmpty {
                report(.venueMissing, key, "\(when) meets online but has venue \(venue.name)")
            } else if !resolved.venues.contains(venueIndex) {
                report(.venueNotAllowed, key, "\(when) is at \(venue.name), which the session does not list")
            }
            let headcount = placement.attendees.count + plan.additionalHeadcount
            if headcount > venue.capacity {
                report(
                    .venueOverCapacity, key,
                    "\(when) brings \(headcount) people to \(venue.name), which holds \(venue.capacity)")
            }
            if case .minutes = plan.length, let zone = TimeZone(identifier: venue.place.timeZoneIdentifier),
                !ScheduleChecker.lies(placement.start, placement.end, within: venue.openingHours, in: zone)
            {
                report(
                    .outsideOpeningHours, key,
                    "\(when) is outside the opening hours of \(venue.name) (\(venue.openingHours))")
            }
            for period in venue.unavailable where period.start < placement.end && placement.start < period.end {
                report(.venueUnavailable, key, "\(when) overlaps a period in which \(venue.name) is unavailable")
            }
        }

        /// The calendars whose Shabbat and festivals bind the session, with their place names.
        private func restCalendars() -> [(ObservanceCalendar, String)] {
            let invited = resolved.required + resolved.optional
            guard case .inPerson(_, let observance) = program.format,
                let venueID = placement.venue, let venueIndex = problem.venueIndex[venueID]
            else {
                return invited.map { (problem.participantCalendars[$0], problem.participants[$0].place.name) }
            }
            let venue = problem.venueCalendars[venueIndex]
            let venueName = problem.venues[venueIndex].place.name
            var calendars = [(venue, venueName)]
            for participant in invited {
                let home = problem.participantCalendars[participant]
                switch observance {
                case .venueOnly:
                    break
                case .travellersHomeSchedule:
                    if home.location.schedule != venue.location.schedule,
                        let location = try? GeoLocation(
                            latitude: venue.location.latitude, longitude: venue.location.longitude,
                            elevation: venue.location.elevation, timeZoneIdentifier: venue.location.timeZoneIdentifier,
                            schedule: home.location.schedule)
                    {
                        calendars.append((ObservanceCalendar(location: location, policy: venue.policy), venueName))
                    }
                case .travellersHomePlaces:
                    if home.location.timeZoneIdentifier != venue.location.timeZoneIdentifier
                        || home.location.schedule != venue.location.schedule
                    {
                        calendars.append((home, problem.participants[participant].place.name))
                    }
                }
            }
            return calendars
        }

        /// The zone in which a whole-day session's days run: the venue's, or the organiser's online.
        private func dayZone() -> TimeZone {
            if let venueID = placement.venue, let venue = problem.venue(venueID),
                let zone = TimeZone(identifier: venue.place.timeZoneIdentifier)
            {
                return zone
            }
            return problem.participant(program.organiser).flatMap { TimeZone(identifier: $0.place.timeZoneIdentifier) }
                ?? TimeZone(secondsFromGMT: 0) ?? .current
        }

        private func describe(_ id: Participant.ID) -> String {
            problem.participant(id).map { "\($0.name) (\(id))" } ?? id.rawValue
        }
    }

    /// Whether `[start, end)` lies within weekly hours on the local clocks of `timeZone`, day by
    /// day; hours that run to midnight continue into the next day's from midnight.
    static func lies(_ start: Date, _ end: Date, within hours: WeeklyHours, in timeZone: TimeZone) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var pieceStart = start
        while pieceStart < end {
            let dayStart = calendar.startOfDay(for: pieceStart)
            guard let nextDay = calendar.date(byAdding: .day, value: 1, to: dayStart) else { return false }
            let pieceEnd = min(end, nextDay)
            let weekday = calendar.component(.weekday, from: pieceStart)
            let startMinute = minuteOfDay(pieceStart, calendar)
            let endMinute = pieceEnd == nextDay ? 1440 : minuteOfDay(pieceEnd, calendar, roundingUp: true)
            guard let day = Weekday(rawValue: weekday),
                merged(hours.ranges(on: day)).contains(where: {
                    $0.startMinute <= startMinute && endMinute <= $0.endMinute
                })
            else { return false }
            pieceStart = pieceEnd
        }
        return true
    }

    private static func minuteOfDay(_ date: Date, _ calendar: Calendar, roundingUp: Bool = false) -> Int {
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
        let minute = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        return roundingUp && (parts.second ?? 0) > 0 ? minute + 1 : minute
    }

    private static func merged(_ ranges: [LocalTimeRange]) -> [LocalTimeRange] {
        var result: [LocalTimeRange] = []
        for range in ranges.sorted() {
            if let last = result.last, range.startMinute <= last.endMinute {
                result[result.count - 1] = LocalTimeRange(
                    startMinute: last.startMinute, endMinute: max(last.endMinute, range.endMinute))
            } else {
                result.append(range)
            }
        }
        return result
    }
}
