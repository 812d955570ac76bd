import Foundation
import JewishCalendar

/// The time sets a problem's rules are made of, computed once each within one solve, insert or
/// explanation and reused by every session: Shabbat and festival windows per distinct place,
/// working and opening hours per distinct time zone and hours, unavailability per person and
/// venue, all over the whole planning horizon as sorted spans.
///
/// Lives for one call and is never shared, so it is a class that fills its caches lazily.
final class AvailabilityIndex {
    let problem: SchedulingProblem
    /// The horizon with a week of margin, over which every set is computed.
    let range: Span
    private var clocks: [String: ZoneClock] = [:]
    private var rest: [ObservanceCalendar: RestWindows] = [:]
    private var seasons: [ObservanceCalendar: FestivalSeasons] = [:]
    private var hours: [HoursKey: SpanSet] = [:]
    private var participantUnavailability: [SpanSet?]
    private var venueUnavailability: [SpanSet?]

    /// Shabbat and festival windows at one place.
    struct RestWindows {
        let spans: SpanSet
        let windows: [ForbiddenWindow]
    }

    /// The festival times a program may weigh at one place (soft, never closed): the
    /// intermediate days of Pesach and Sukkot (Hoshana Rabba included) from local midnight to
    /// midnight, and the eves of festivals (Erev Rosh Hashana, Yom Kippur, Sukkot, Pesach and
    /// Shavuot) from local noon to midnight.
    struct FestivalSeasons {
        let cholHamoed: SpanSet
        let eveAfternoons: SpanSet
    }

    private struct HoursKey: Hashable {
        let zone: String
        let hours: WeeklyHours
    }

    init(_ problem: SchedulingProblem) {
        self.problem = problem
        let horizon = problem.horizonSpan
        range = Span(horizon.start - 8 * 86_400, horizon.end + 8 * 86_400)
        participantUnavailability = Array(repeating: nil, count: problem.participants.count)
        venueUnavailability = Array(repeating: nil, count: problem.venues.count)
    }

    // MARK: - Clocks

    func clock(_ timeZone: TimeZone) -> ZoneClock {
        if let clock = clocks[timeZone.identifier] { return clock }
        let clock = ZoneClock(timeZone, covering: range)
        clocks[timeZone.identifier] = clock
        return clock
    }

    func clock(ofParticipant index: Int) -> ZoneClock {
        clock(problem.participantCalendars[index].location.timeZone)
    }

    func clock(ofVenue index: Int) -> ZoneClock {
        clock(problem.venueCalendars[index].location.timeZone)
    }

    // MARK: - Shabbat and festivals

    /// The windows of a place over the horizon, computed once per distinct place.
    func restWindows(_ calendar: ObservanceCalendar) -> RestWindows {
        if let cached = rest[calendar] { return cached }
        let computed: RestWindows
        do {
            let windows = try calendar.forbiddenWindows(from: Date(instant: range.start), to: Date(instant: range.end))
            computed = RestWindows(
                spans: SpanSet(merging: windows.map { Span($0.start.instant, $0.end.instantRoundedUp) }),
                windows: windows)
        } catch {
            // The problem's horizon was checked against the calendar's range, so this cannot
            // happen; if it did, the place is treated as closed throughout rather than open.
            computed = RestWindows(spans: SpanSet(range), windows: [])
        }
        rest[calendar] = computed
        return computed
    }

    /// The festival seasons of a place over the horizon, computed once per distinct place.
    func festivalSeasons(_ calendar: ObservanceCalendar) -> FestivalSeasons {
        if let cached = seasons[calendar] { return cached }
        let clock = clock(calendar.location.timeZone)
        let firstDay = clock.localDay(of: range.start)
        let lastDay = clock.localDay(of: range.end)
        var cholHamoed: [Span] = []
        var eves: [Span] = []
        if let epoch = try? GregorianDate(year: 1970, month: 1, day: 1) {
            let firstYear = HebrewDate(epoch.adding(days: firstDay)).year
            let lastYear = HebrewDate(epoch.adding(days: lastDay)).year
            for year in firstYear...lastYear {
                let occurrences =
                    (try? HolidayCalendar.occurrences(inHebrewYear: year, schedule: calendar.location.schedule)) ?? []
                for occurrence in occurrences {
                    let day = epoch.distance(to: occurrence.date)
                    guard day >= firstDay && day <= lastDay else { continue }
                    switch occurrence.holiday.category {
                    case .cholHamoed:
                        cholHamoed.append(Span(clock.midnight(ofDay: day), clock.midnight(ofDay: day + 1)))
                    case .erev:
                        eves.append(Span(clock.instant(ofLocal: day * 86_400 + 12 * 3600), clock.midnight(ofDay: day + 1)))
                    default:
                        continue
                    }
                }
            }
        }
        let computed = FestivalSeasons(cholHamoed: SpanSet(merging: cholHamoed), eveAfternoons: SpanSet(merging: eves))
        seasons[calendar] = computed
        return computed
    }

    func festivalSeasons(ofParticipant index: Int) -> FestivalSeasons {
        festivalSeasons(problem.participantCalendars[index])
    }

    // MARK: - Hours

    /// Weekly hours on a zone's clock over the horizon, computed once per zone and hours.
    func spans(of weeklyHours: WeeklyHours, in timeZone: TimeZone) -> SpanSet {
        let key = HoursKey(zone: timeZone.identifier, hours: weeklyHours)
        if let cached = hours[key] { return cached }
        let spans = weeklyHours.spans(on: clock(timeZone), covering: range)
        hours[key] = spans
        return spans
    }

    func acceptableHours(ofParticipant index: Int) -> SpanSet {
        spans(
            of: problem.participants[index].acceptableHours, in: problem.participantCalendars[index].location.timeZone)
    }

    func comfortableHours(ofParticipant index: Int) -> SpanSet {
        spans(
            of: problem.participants[index].comfortableHours, in: problem.participantCalendars[index].location.timeZone)
    }

    func openingHours(ofVenue index: Int) -> SpanSet {
        spans(of: problem.venues[index].openingHours, in: problem.venueCalendars[index].location.timeZone)
    }

    /// A program's preferred hours, if it has any.
    func preferredHours(ofProgram index: Int) -> SpanSet? {
        guard let preferred = problem.programs[index].preferredHours,
            let timeZone = TimeZone(identifier: preferred.timeZoneIdentifier)
        else { return nil }
        return spans(of: preferred.hours, in: timeZone)
    }

    // MARK: - Unavailability

    func unavailability(ofParticipant index: Int) -> SpanSet {
        if let cached = participantUnavailability[index] { return cached }
        let spans = SpanSet(merging: problem.participants[index].unavailable.map(Self.span))
        participantUnavailability[index] = spans
        return spans
    }

    func unavailability(ofVenue index: Int) -> SpanSet {
        if let cached = venueUnavailability[index] { return cached }
        let spans = SpanSet(merging: problem.venues[index].unavailable.map(Self.span))
        venueUnavailability[index] = spans
        return spans
    }

    private static func span(_ interval: DateInterval) -> Span {
        Span(interval.start.instant, interval.end.instantRoundedUp)
    }
}
