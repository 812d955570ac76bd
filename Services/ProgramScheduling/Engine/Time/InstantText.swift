import Foundation

/// Instants as explanations and errors write them: `2025-06-10 17:00 UTC`.
enum InstantText {
    static func utc(_ date: Date) -> String {
        utc(Int(date.timeIntervalSince1970.rounded(.down)))
    }

    static func utc(_ instant: Int) -> String {
        wallClock(instant) + " UTC"
    }

    /// `2025-06-10` for a local day number.
    static func day(_ day: Int) -> String {
        let (year, month, dayOfMonth) = civil(fromDay: day)
        return "\(year)-" + twoDigits(month) + "-" + twoDigits(dayOfMonth)
    }

    private static func wallClock(_ seconds: Int) -> String {
        let day = floorDivide(seconds, 86_400)
        let minute = (seconds - day * 86_400) / 60
        return Self.day(day) + " " + twoDigits(minute / 60) + ":" + twoDigits(minute % 60)
    }

    /// Year, month and day of a day counted from 1970 (Howard Hinnant's civil_from_days).
    static func civil(fromDay days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
