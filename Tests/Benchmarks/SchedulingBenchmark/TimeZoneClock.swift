import Foundation

/// Local midnight arithmetic for picking conference dates.
struct TimeZoneClock {
    let calendar: Calendar

    init(_ identifier: String) throws {
        guard let zone = TimeZone(identifier: identifier) else {
            throw BenchmarkError(description: "unknown time zone \(identifier)")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        self.calendar = calendar
    }

    /// The first Monday at `hour` local time after `date`.
    func nextMonday(atHour hour: Int, after date: Date) -> Date {
        calendar.nextDate(
            after: date, matching: DateComponents(hour: hour, minute: 0, weekday: 2), matchingPolicy: .nextTime) ?? date
    }
}
