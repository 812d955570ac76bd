import Foundation

/// The yom tov days of one festival schedule over a span of days, looked up by day number.
///
/// Built once per query and shared by every place with the same schedule, so that holiday rules
/// run once per Hebrew year rather than once per place and day.
struct YomTovDays: Sendable {
    let schedule: HolidaySchedule
    private let holidaysByDay: [Int: [Holiday]]

    /// Covers every local day of `[start, end)` in any time zone, with a week to spare on each
    /// side for runs of forbidden days that extend past the range.
    init(schedule: HolidaySchedule, from start: Date, to end: Date) {
        let firstDay = Int((start.timeIntervalSince1970 / 86_400).rounded(.down)) - 8
        let lastDay = Int((end.timeIntervalSince1970 / 86_400).rounded(.down)) + 8
        self.schedule = schedule
        self.holidaysByDay = HolidayCalendar.yomTovByDay(from: firstDay, through: lastDay, schedule: schedule)
    }

    /// The yom tov holidays on a day, none on most days.
    func holidays(onDay day: Int) -> [Holiday] {
        holidaysByDay[day] ?? []
    }
}
