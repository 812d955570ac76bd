import Foundation

extension ObservanceCalendar {
    /// The earliest interval of `duration` that starts at or after `start`, ends by `deadline`
    /// and overlaps no forbidden window at any of `calendars`: the building block for
    /// scheduling a joint meeting across countries.
    ///
    /// The interval starts either at `start` or at the havdalah that ends a window. It is not
    /// aligned to working hours; callers narrow it further as they need.
    /// - Parameters:
    ///   - duration: Seconds, more than 0 and less than 7 days (every week has a Shabbat).
    ///   - start: The earliest instant the interval may begin.
    ///   - deadline: The latest instant the interval may end; at most `maximumRange` after
    ///     `start`. Without one the search goes `maximumRange` ahead.
    ///   - calendars: The participants' places; at least one.
    /// - Returns: The interval, or `nil` when none fits before the deadline.
    /// - Throws: `CalendarError` with code `noLocations`, `invalidDuration`, `invalidRange` or
    ///   `rangeTooLong`.
    public static func nextCommonFreeInterval(
        lasting duration: TimeInterval, from start: Date, before deadline: Date? = nil,
        at calendars: [ObservanceCalendar]
    ) throws -> DateInterval? {
        guard !calendars.isEmpty else {
            throw CalendarError(.noLocations, "a common free interval needs at least one location, got none")
        }
        guard duration.isFinite, duration > 0, duration < 7 * 86_400 else {
            throw CalendarError(
                .invalidDuration, "a duration of \(duration) seconds is not more than 0 and less than 7 days")
        }
        let limit = deadline ?? start + maximumRange
        try checkRange(from: start, to: limit)

        var candidate = start
        var searched = start
        var step: TimeInterval = 2 * 86_400
        while candidate + duration <= limit {
            let horizon = min(limit, max(searched, candidate + duration) + step)
            let yomTov = YomTovDays(from: candidate, to: horizon)
            let windows = calendars.flatMap { $0.windows(from: candidate, to: horizon, yomTov: yomTov) }
                .sorted { $0.start < $1.start }
            for window in windows where window.end > candidate {
                if window.start >= candidate + duration { break }
                candidate = window.end
            }
            // Every window overlapping [candidate, horizon) is known, so a fit inside it is free.
            if candidate + duration <= horizon {
                return DateInterval(start: candidate, duration: duration)
            }
            searched = horizon
            step *= 2
        }
        return nil
    }
}
