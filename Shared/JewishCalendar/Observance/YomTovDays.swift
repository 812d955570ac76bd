import Foundation

/// The yom tov days of both festival schedules over a span of days, looked up by day number.
///
/// Built once per query and shared by every place in it, so that the holiday rules run once per
/// Hebrew year rather than once per place and day.
struct YomTovDays: Sendable {
    private let firstDay: Int
    /// The holidays of each day from `firstDay` on, per schedule; most days have none, which
    /// costs no allocation.
    private let israel: [[Holiday]]
    private let diaspora: [[Holiday]]

    /// Covers every local day of `[start, end)` in any time zone, with a week to spare on each
    /// side for runs of forbidden days that extend past the range.
    init(from start: Date, to end: Date) {
        let firstDay = Int((start.timeIntervalSince1970 / 86_400).rounded(.down)) - 8
        let lastDay = Int((end.timeIntervalSince1970 / 86_400).rounded(.down)) + 8
        var israel = [[Holiday]](repeating: [], count: lastDay - firstDay + 1)
        var diaspora = israel
        for (day, holiday, observance) in HolidayCalendar.yomTov(from: firstDay, through: lastDay)
        where day >= firstDay && day <= lastDay {
            if observance.includes(.israel) { israel[day - firstDay].append(holiday) }
            if observance.includes(.diaspora) { diaspora[day - firstDay].append(holiday) }
        }
        self.firstDay = firstDay
        self.israel = israel
        self.diaspora = diaspora
    }

    /// The yom tov holidays on a day under a schedule, none on most days.
    func holidays(onDay day: Int, under schedule: HolidaySchedule) -> [Holiday] {
        let days = schedule == .israel ? israel : diaspora
        guard days.indices.contains(day - firstDay) else {
            // Outside the span prepared for the query: still right, only slower.
            return HolidayCalendar.occurrences(on: GregorianDate(daysSince1970: day), schedule: schedule)
                .map(\.holiday).filter(\.isYomTov)
        }
        return days[day - firstDay]
    }
}
