/// The layout of one Hebrew year: the day it begins and the length of each month.
///
/// The arithmetic is the fixed calendar of Hillel II as given by Dershowitz and Reingold
/// (Calendrical Calculations): the molad of Tishrei and the postponements (dechiyot) fix the
/// first day, and the year's length fixes Cheshvan and Kislev.
///
/// Foundation's `Calendar(identifier: .hebrew)` implements the same rules, but the ICU inside
/// this toolchain starts 34 of the years 3762...9999 a day late, 5807 (2046) among them: an ICU
/// bug fixed upstream in 2025 (ICU-23069). The integer arithmetic here is also about twenty
/// times faster and cannot fail. The tests hold it to Foundation on every other day of
/// 5600...6000, and to pyluach, zmanim and hdate.
struct HebrewYear: Sendable, Hashable {
    /// The year number (anno mundi).
    let number: Int
    /// 1 Tishrei, in days since 1 January 1970.
    let firstDay: Int
    /// 353, 354, 355 (common) or 383, 384, 385 (leap) days.
    let length: Int

    init(_ number: Int) {
        self.number = number
        self.firstDay = Self.newYear(number)
        self.length = Self.newYear(number + 1) - firstDay
    }

    /// Whether the year has Adar I and Adar II.
    var isLeap: Bool {
        Self.isLeap(number)
    }

    /// The months of the year in order.
    var months: [HebrewMonth] {
        HebrewMonth.months(leapYear: isLeap)
    }

    /// Whether a month exists in this year (Adar only in common years, Adar I and II only in leap years).
    func contains(_ month: HebrewMonth) -> Bool {
        switch month {
        case .adar: !isLeap
        case .adarI, .adarII: isLeap
        default: true
        }
    }

    /// The number of days in a month of this year.
    func length(of month: HebrewMonth) -> Int {
        switch month {
        case .tishrei, .shevat, .adarI, .nisan, .sivan, .av: 30
        case .tevet, .adar, .adarII, .iyar, .tammuz, .elul: 29
        // A complete year (355 or 385 days) has a long Cheshvan, a deficient one (353 or 383) a short Kislev.
        case .cheshvan: length % 10 == 5 ? 30 : 29
        case .kislev: length % 10 == 3 ? 29 : 30
        }
    }

    /// The first day of a month of this year, in days since 1 January 1970.
    func firstDay(of month: HebrewMonth) -> Int {
        // Days before Tevet depend on Cheshvan and Kislev, days before Nisan also on Adar I.
        let autumn = length(of: .cheshvan) + length(of: .kislev)
        let nisan = 118 + autumn + (isLeap ? 30 : 0)
        let offset =
            switch month {
            case .tishrei: 0
            case .cheshvan: 30
            case .kislev: 30 + length(of: .cheshvan)
            case .tevet: 30 + autumn
            case .shevat: 59 + autumn
            case .adar, .adarI: 89 + autumn
            case .adarII: 119 + autumn
            case .nisan: nisan
            case .iyar: nisan + 30
            case .sivan: nisan + 59
            case .tammuz: nisan + 89
            case .av: nisan + 118
            case .elul: nisan + 148
            }
        return firstDay + offset
    }

    /// The day number of a day of a month of this year.
    func day(_ day: Int, of month: HebrewMonth) -> Int {
        firstDay(of: month) + day - 1
    }

    /// The Hebrew date of a day number inside this year.
    func date(ofDay dayNumber: Int) -> HebrewDate {
        var offset = dayNumber - firstDay
        for month in months {
            let monthLength = length(of: month)
            if offset < monthLength {
                return HebrewDate(uncheckedYear: number, month: month, day: offset + 1)
            }
            offset -= monthLength
        }
        // Only reached for a day past Elul, which callers never pass.
        return HebrewDate(uncheckedYear: number, month: .elul, day: offset + 29)
    }

    /// The Hebrew year that contains a day number.
    static func containing(day dayNumber: Int) -> HebrewYear {
        // Rosh Hashana falls in the autumn of Gregorian year (Hebrew year - 3761).
        let gregorianYear = GregorianDate(daysSince1970: dayNumber).year
        let next = HebrewYear(gregorianYear + 3761)
        return dayNumber >= next.firstDay ? next : HebrewYear(gregorianYear + 3760)
    }

    static func isLeap(_ year: Int) -> Bool {
        modulo(7 * year + 1, 19) < 7
    }

    // MARK: - Molad and postponements

    /// 1 Tishrei 1 AM is R.D. -1373427 (7 October 3761 BCE, Julian); R.D. 719163 is 1 January 1970.
    private static let epochDaysSince1970 = -1_373_427 - 719_163

    /// 1 Tishrei of a year, in days since 1 January 1970.
    private static func newYear(_ year: Int) -> Int {
        epochDaysSince1970 + elapsedDays(year) + lengthCorrection(year)
    }

    /// Days from the epoch to the molad of Tishrei, with the rule that Rosh Hashana never falls on
    /// Sunday, Wednesday or Friday.
    private static func elapsedDays(_ year: Int) -> Int {
        let monthsElapsed = floorDivide(235 * year - 234, 19)
        let partsElapsed = 12_084 + 13_753 * monthsElapsed
        let days = 29 * monthsElapsed + floorDivide(partsElapsed, 25_920)
        return modulo(3 * (days + 1), 7) < 3 ? days + 1 : days
    }

    /// The postponements that keep every year at 353...355 or 383...385 days.
    private static func lengthCorrection(_ year: Int) -> Int {
        let previous = elapsedDays(year - 1)
        let current = elapsedDays(year)
        let next = elapsedDays(year + 1)
        if next - current == 356 { return 2 }
        if current - previous == 382 { return 1 }
        return 0
    }
}
