/// A day of the Hebrew calendar: year (anno mundi), month and day of the month.
///
/// A Hebrew day begins at nightfall, but a `HebrewDate` names the civil day whose daytime it
/// covers, which is how calendars print it: 23 July 2017 is 29 Tamuz 5777.
public struct HebrewDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, e.g. 5777.
    public let year: Int
    /// The month; Adar of a leap year is `adarI` or `adarII`.
    public let month: HebrewMonth
    /// The day of the month, from 1 to 29 or 30.
    public let day: Int

    /// Years accepted by `init(year:month:day:)`: every Hebrew year that overlaps Gregorian years 1...9999.
    public static let supportedYears = 3761...13760

    /// Creates a date, checking that the month exists in that year and has that many days.
    /// - Throws: `CalendarError` with code `invalidHebrewDate`, e.g. for Adar II in a common
    ///   year or 30 Kislev in a year whose Kislev has 29 days.
    public init(year: Int, month: HebrewMonth, day: Int) throws {
        let layout = try Self.layout(of: year)
        guard layout.contains(month) else {
            let hint = layout.isLeap ? "a leap year: use Adar I or Adar II" : "a common year: use Adar"
            throw CalendarError(.invalidHebrewDate, "\(month.englishName) does not exist in \(year), \(hint)")
        }
        let length = layout.length(of: month)
        guard (1...length).contains(day) else {
            throw CalendarError(
                .invalidHebrewDate,
                "day \(day) does not exist in \(month.englishName) \(year), which has \(length) days")
        }
        self.init(uncheckedYear: year, month: month, day: day)
    }

    /// The Hebrew date of a Gregorian date.
    public init(_ date: GregorianDate) {
        let dayNumber = date.daysSince1970
        self = HebrewYear.containing(day: dayNumber).date(ofDay: dayNumber)
    }

    init(uncheckedYear year: Int, month: HebrewMonth, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The Gregorian date of this day.
    public var gregorianDate: GregorianDate {
        GregorianDate(daysSince1970: HebrewYear(year).day(day, of: month))
    }

    /// The day of the week.
    public var weekday: Weekday {
        gregorianDate.weekday
    }

    /// Whether a year has thirteen months (Adar I and Adar II): years 3, 6, 8, 11, 14, 17 and 19
    /// of the 19-year cycle.
    public static func isLeapYear(_ year: Int) -> Bool {
        HebrewYear.isLeap(year)
    }

    /// The months of a year in order: twelve in a common year, thirteen in a leap year.
    /// - Throws: `CalendarError` with code `invalidHebrewDate` for a year outside `supportedYears`.
    public static func months(inYear year: Int) throws -> [HebrewMonth] {
        try layout(of: year).months
    }

    /// The number of days in a year: 353, 354 or 355, or 383, 384 or 385 in a leap year.
    /// - Throws: `CalendarError` with code `invalidHebrewDate` for a year outside `supportedYears`.
    public static func numberOfDays(inYear year: Int) throws -> Int {
        try layout(of: year).length
    }

    /// The number of days in a month of a year.
    /// - Throws: `CalendarError` with code `invalidHebrewDate` for a year outside
    ///   `supportedYears` or a month the year does not have.
    public static func numberOfDays(in month: HebrewMonth, year: Int) throws -> Int {
        _ = try HebrewDate(year: year, month: month, day: 1)
        return HebrewYear(year).length(of: month)
    }

    public static func < (lhs: HebrewDate, rhs: HebrewDate) -> Bool {
        (lhs.year, lhs.month.ordinal, lhs.day) < (rhs.year, rhs.month.ordinal, rhs.day)
    }

    /// The date in English, e.g. "29 Tamuz 5777".
    public var description: String {
        formatted(.english)
    }

    /// A language to write a Hebrew date in.
    public enum Language: Sendable, Hashable {
        /// "29 Tamuz 5777"
        case english
        /// "כ״ט בתמוז תשע״ז", with Hebrew numerals for the day and the year.
        case hebrew
    }

    /// The date written out, as Foundation's Hebrew calendar writes it in the `en` and `he`
    /// locales: "29 Tamuz 5777" or "כ״ט בתמוז תשע״ז".
    public func formatted(_ language: Language) -> String {
        switch language {
        case .english:
            "\(day) \(month.englishName) \(year)"
        case .hebrew:
            "\(HebrewNumeral.string(for: day)) ב\(month.hebrewName) \(HebrewNumeral.year(year))"
        }
    }

    private static func layout(of year: Int) throws -> HebrewYear {
        guard supportedYears.contains(year) else {
            throw CalendarError(.invalidHebrewDate, "Hebrew year \(year) is outside \(supportedYears)")
        }
        return HebrewYear(year)
    }
}
