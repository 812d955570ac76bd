import Foundation

/// Shabbat and festivals at one place: when work is forbidden there, by its location, its
/// festival schedule (Israel or diaspora) and its candle-lighting and havdalah custom.
///
/// A forbidden day (Shabbat, or a yom tov under the place's schedule) is forbidden from candle
/// lighting on the evening before to havdalah at its end; consecutive forbidden days make one
/// window.
///
/// ## Polar regions
/// Where the sun does not set, or does not reach the havdalah depression, on a day, the time is
/// taken at the sun's closest approach to that altitude: solar midnight when the sun stays above
/// it (midnight sun, or the white nights in which it never gets 8.5 degrees down), solar noon
/// when it stays below (polar night). Sunset and the depression times tend to exactly these
/// instants as the season approaches the polar day or night, so the substitutes follow on from
/// the real times (with day-to-day steps under an hour, like the sun's own near those dates),
/// every Shabbat still has a window of about a day, and no time is ever missing. In Tromsø this
/// gives Shabbat from about 00:30 Saturday to 00:45 Sunday in June and from late Friday morning
/// to mid-afternoon Saturday in December.
public struct ObservanceCalendar: Sendable, Hashable {
    /// Where.
    public let location: GeoLocation
    /// Which custom for candle lighting and havdalah.
    public let policy: CandleLightingPolicy

    /// The longest range `forbiddenWindows(from:to:)` accepts and the furthest
    /// `nextCommonFreeInterval` searches: ten years (3,660 days).
    public static let maximumRange: TimeInterval = 3660 * 86_400

    /// Creates the calendar of a place.
    public init(location: GeoLocation, policy: CandleLightingPolicy = .standard) {
        self.location = location
        self.policy = policy
    }

    /// Candle lighting on the evening of a local civil date: sea-level sunset minus the
    /// policy's minutes (see "Polar regions" for days without a sunset).
    public func candleLighting(on date: GregorianDate) -> Date {
        candleLighting(onDay: date.daysSince1970)
    }

    /// Havdalah on the evening of a local civil date, by the policy's rule (see "Polar
    /// regions" for days on which the sun does not get low enough).
    public func havdalah(on date: GregorianDate) -> Date {
        havdalah(onDay: date.daysSince1970)
    }

    /// The windows in which work is forbidden here that overlap `[start, end)`, in order, each
    /// whole (a window that began before `start` is returned from its candle lighting).
    /// - Throws: `CalendarError` with code `invalidRange` when `end` is not after `start`, or
    ///   `rangeTooLong` when the range is longer than `maximumRange`.
    public func forbiddenWindows(from start: Date, to end: Date) throws -> [ForbiddenWindow] {
        try Self.checkRange(from: start, to: end)
        return windows(from: start, to: end, yomTov: YomTovDays(from: start, to: end))
    }

    /// Whether work is forbidden here at `instant`, and until when: havdalah of the current
    /// window, or candle lighting of the next.
    public func workStatus(at instant: Date) -> WorkStatus {
        var day = localDay(of: instant) - 1
        let yomTov = YomTovDays(from: instant, to: instant + 14 * 86_400)
        // Every Saturday is forbidden, so a window ending after `instant` turns up within nine days.
        while true {
            guard isForbidden(day, yomTov) else {
                day += 1
                continue
            }
            let (first, last) = run(containing: day, yomTov)
            let window = window(first: first, last: last, yomTov)
            if window.end > instant {
                return window.contains(instant) ? .forbidden(window) : .permitted(next: window)
            }
            day = last + 1
        }
    }

    // MARK: - Windows

    /// The windows overlapping `[start, end)`, with yom tov days looked up in `yomTov`, which
    /// should cover the range (it answers outside it too, only more slowly).
    func windows(from start: Date, to end: Date, yomTov: YomTovDays) -> [ForbiddenWindow] {
        var day = localDay(of: start) - 1
        let lastDay = localDay(of: end) + 1
        var windows: [ForbiddenWindow] = []
        while day <= lastDay {
            guard isForbidden(day, yomTov) else {
                day += 1
                continue
            }
            let (first, last) = run(containing: day, yomTov)
            let window = window(first: first, last: last, yomTov)
            if window.overlaps(from: start, to: end) {
                windows.append(window)
            }
            day = last + 1
        }
        return windows
    }

    /// The first and last day of the run of consecutive forbidden days that includes `day`.
    private func run(containing day: Int, _ yomTov: YomTovDays) -> (first: Int, last: Int) {
        var first = day
        var last = day
        while isForbidden(first - 1, yomTov) { first -= 1 }
        while isForbidden(last + 1, yomTov) { last += 1 }
        return (first, last)
    }

    private func window(first: Int, last: Int, _ yomTov: YomTovDays) -> ForbiddenWindow {
        ForbiddenWindow(
            start: candleLighting(onDay: first - 1),
            end: havdalah(onDay: last),
            days: (first...last).map { day in
                ForbiddenDay(
                    date: GregorianDate(daysSince1970: day),
                    isShabbat: Weekday(daysSince1970: day) == .saturday,
                    yomTov: yomTov.holidays(onDay: day, under: location.schedule))
            })
    }

    private func isForbidden(_ day: Int, _ yomTov: YomTovDays) -> Bool {
        Weekday(daysSince1970: day) == .saturday || !yomTov.holidays(onDay: day, under: location.schedule).isEmpty
    }

    private func localDay(of instant: Date) -> Int {
        GregorianDate.daysSince1970(containing: instant, in: location.timeZone)
    }

    // MARK: - Candle lighting and havdalah

    private static let seaLevelSunsetZenith = 90 + 50.0 / 60

    private func candleLighting(onDay day: Int) -> Date {
        sunsetOrClosestApproach(onDay: day, zenith: Self.seaLevelSunsetZenith)
            - TimeInterval(policy.minutesBeforeSunset * 60)
    }

    private func havdalah(onDay day: Int) -> Date {
        switch policy.havdalah {
        case .sunBelowHorizon(let degrees):
            sunsetOrClosestApproach(onDay: day, zenith: 90 + degrees)
        case .minutesAfterSunset(let minutes):
            sunsetOrClosestApproach(onDay: day, zenith: Self.seaLevelSunsetZenith) + TimeInterval(minutes * 60)
        }
    }

    /// The evening crossing of a zenith angle, or the sun's closest approach to it where it does
    /// not cross it that day (see "Polar regions").
    private func sunsetOrClosestApproach(onDay day: Int, zenith: Double) -> Date {
        switch SolarCalculator.event(onDay: day, at: location, zenith: zenith, crossing: .setting) {
        case .at(let instant): instant
        case .sunStaysBelow: SolarCalculator.solarNoon(onDay: day, at: location)
        case .sunStaysAbove: SolarCalculator.solarMidnight(afterDay: day, at: location)
        }
    }

    // MARK: - Validation

    static func checkRange(from start: Date, to end: Date) throws {
        guard end > start else {
            throw CalendarError(.invalidRange, "the range from \(start) to \(end) does not end after it starts")
        }
        let days = end.timeIntervalSince(start) / 86_400
        guard end.timeIntervalSince(start) <= maximumRange else {
            throw CalendarError(
                .rangeTooLong,
                "the range from \(start) to \(end) spans \(Int(days.rounded(.up))) days, more than the maximum of \(Int(maximumRange / 86_400))"
            )
        }
    }
}
