import Foundation

/// A civil day in the proleptic Gregorian calendar: a year, a month and a day, with no time
/// of day and no time zone.
///
/// Dates form a `Strideable` sequence, so `for day in first...last` walks day by day.
public struct GregorianDate: Sendable, Hashable, Comparable, Strideable, CustomStringConvertible {
    /// The year (1 CE is 1).
    public let year: Int
    /// The month, 1 for January through 12 for December.
    public let month: Int
    /// The day of the month, from 1.
    public let day: Int

    /// Years accepted by `init(year:month:day:)`. Converting a Hebrew date at the very edges of
    /// `HebrewDate.supportedYears` can yield year 0 or 10000 of the proleptic calendar.
    public static let supportedYears = 1...9999

    /// Creates a date, checking that it exists.
    /// - Throws: `CalendarError` with code `invalidGregorianDate` naming the offending part.
    public init(year: Int, month: Int, day: Int) throws {
        guard Self.supportedYears.contains(year) else {
            throw CalendarError(.invalidGregorianDate, "Gregorian year \(year) is outside \(Self.supportedYears)")
        }
        guard (1...12).contains(month) else {
            throw CalendarError(.invalidGregorianDate, "Gregorian month \(month) of \(year) is outside 1...12")
        }
        let length = Self.numberOfDays(inMonth: month, year: year)
        guard (1...length).contains(day) else {
            throw CalendarError(
                .invalidGregorianDate,
                "day \(day) does not exist in \(year)-\(Self.twoDigits(month)), which has \(length) days")
        }
        self.init(uncheckedYear: year, month: month, day: day)
    }

    /// The civil date of an instant in a time zone.
    init(containing instant: Date, in timeZone: TimeZone) {
        self.init(daysSince1970: Self.daysSince1970(containing: instant, in: timeZone))
    }

    init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date a number of days after 1 January 1970 (negative: before).
    init(daysSince1970 days: Int) {
        // Howard Hinnant's civil_from_days.
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(uncheckedYear: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// Days from 1 January 1970 to this date (negative: before).
    var daysSince1970: Int {
        // Howard Hinnant's days_from_civil.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day of the week.
    public var weekday: Weekday {
        Weekday(daysSince1970: daysSince1970)
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> GregorianDate {
        GregorianDate(daysSince1970: daysSince1970 + days)
    }

    public func advanced(by n: Int) -> GregorianDate {
        adding(days: n)
    }

    public func distance(to other: GregorianDate) -> Int {
        other.daysSince1970 - daysSince1970
    }

    public static func < (lhs: GregorianDate, rhs: GregorianDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// ISO 8601, e.g. `2017-07-23`.
    public var description: String {
        let year = String(year)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year
            + "-" + Self.twoDigits(month) + "-" + Self.twoDigits(day)
    }

    /// Whether a year has 29 February.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month of a year.
    static func numberOfDays(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The civil day number of an instant in a time zone.
    static func daysSince1970(containing instant: Date, in timeZone: TimeZone) -> Int {
        let local = instant.timeIntervalSince1970 + TimeInterval(timeZone.secondsFromGMT(for: instant))
        return Int((local / 86_400).rounded(.down))
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
