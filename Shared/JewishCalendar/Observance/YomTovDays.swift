import Foundation

/// The yom tov days of one festival schedule over a span of days, looked up by day number.
///
/// Built once per query and shared by every place with the same schedule, so that holiday rules
/// run once per Hebrew year rather than once per place and day.
struct YomTovDays: Sendable {
    let schedule: HolidaySchedule
    private let firstDay: Int
    /// The holidays of each day from `firstDay` on; most are empty, which costs no allocation.
    private let holidaysByOffset: [[Holiday]]

    /// Covers every local day of `[start, end)` in any time zone, with a week to spare on each
    /// side for runs of forbidden days that extend past the range.
    init(schedule: HolidaySchedule, from start: Date, to end: Date) {
        let firstDay = Int((start.timeIntervalSince1970 / 86_400).rounded(.down)) - 8
        let lastDay = Int((end.timeIntervalSince1970 / 86_400).rounded(.down)) + 8
        var holidaysByOffset = [[Holiday]](repeating: [], count: lastDay - firstDay + 1)
        for (day, holiday) in HolidayCalendar.yomTov(from: firstDay, through: lastDay, schedule: schedule)
        where day >= firstDay && day <= lastDay {
            holidaysByOffset[day - firstDay].append(holiday)
        }
        self.schedule = schedule
        self.firstDay = firstDay
        self.holidaysByOffset = holidaysByOffset
    }

    /// The yom tov holidays on a day, none on most days.
    func holidays(onDay day: Int) -> [Holiday] {
        let offset = day - firstDay
        guard holidaysByOffset.indices.contains(offset) else {
            // Outside the span prepared for the query: still right, only slower.
            return HolidayCalendar.occurrences(on: GregorianDate(daysSince1970: day), schedule: schedule)
                .map(\.holiday).filter(\.isYomTov)
        }
        return holidaysByOffset[offset]
    }
}
