/// The holidays of any Hebrew year, with the postponement rules of the fasts and of Israel's
/// modern days, for Israel and for the diaspora.
///
/// Rules, by Hebrew date:
/// - Tzom Gedaliah (3 Tishrei), Shiva Asar B'Tammuz (17 Tammuz) and Tisha B'Av (9 Av) move to
///   Sunday when they fall on Shabbat; Ta'anit Esther (13 Adar, Adar II in a leap year) moves
///   back to Thursday. Asara B'Tevet never falls on Shabbat and never moves.
/// - Yom HaShoah (27 Nisan, from 5719) moves to Thursday from Friday and to Monday from Sunday.
/// - Yom HaAtzmaut (5 Iyar, from 5709) moves to Thursday from Friday or Shabbat and, from 5764,
///   to Tuesday from Monday; Yom HaZikaron is always the day before it.
/// - Yom Yerushalayim is 28 Iyar, from 5728.
/// - Rosh Chodesh is the first of every month but Tishrei and, when the month before has 30
///   days, its 30th as well. Pesach Sheni is 14 Iyar and Lag BaOmer 18 Iyar; the eves of the
///   festivals (Erev Rosh Hashana on 29 Elul, Erev Yom Kippur, Erev Sukkot, Erev Pesach, Erev
///   Shavuot) are the days before them. None of these is a day of rest.
/// - In Israel Shemini Atzeret is also Simchat Torah: one day, listed once, as Shemini Atzeret.
/// - Israel's modern days fall on the same dates abroad, where communities mark them too, so
///   they are listed for both schedules; none of them is yom tov.
public enum HolidayCalendar {
    /// Every holiday of a Hebrew year (1 Tishrei to 29 Elul) for both schedules, in date order;
    /// each occurrence says where it is observed.
    /// - Throws: `CalendarError` with code `invalidHebrewDate` for a year outside `HebrewDate.supportedYears`.
    public static func occurrences(inHebrewYear year: Int) throws -> [HolidayOccurrence] {
        guard HebrewDate.supportedYears.contains(year) else {
            throw CalendarError(.invalidHebrewDate, "Hebrew year \(year) is outside \(HebrewDate.supportedYears)")
        }
        return occurrences(in: HebrewYear(year))
    }

    /// The holidays a place keeping `schedule` observes in a Hebrew year, in date order.
    /// - Throws: `CalendarError` with code `invalidHebrewDate` for a year outside `HebrewDate.supportedYears`.
    public static func occurrences(inHebrewYear year: Int, schedule: HolidaySchedule) throws -> [HolidayOccurrence] {
        try occurrences(inHebrewYear: year).filter { $0.isObserved(under: schedule) }
    }

    /// The holidays a place keeping `schedule` observes on a civil day (usually none or one;
    /// two when Rosh Chodesh Tevet falls in Chanukah).
    public static func occurrences(on date: GregorianDate, schedule: HolidaySchedule) -> [HolidayOccurrence] {
        let dayNumber = date.daysSince1970
        let year = HebrewYear.containing(day: dayNumber)
        var occurrences: [HolidayOccurrence] = []
        applyRules(to: year) { holiday, day, observance, dayOfChanukah in
            if day == dayNumber && observance.includes(schedule) {
                occurrences.append(occurrence(holiday, day, observance, dayOfChanukah, in: year))
            }
        }
        return occurrences
    }

    /// The yom tov holidays (days on which work is forbidden) of every Hebrew year that overlaps
    /// the given days, with where each is kept, in date order.
    static func yomTov(from firstDay: Int, through lastDay: Int) -> [(Int, Holiday, HolidayObservance)] {
        var result: [(Int, Holiday, HolidayObservance)] = []
        var year = HebrewYear.containing(day: firstDay)
        while year.firstDay <= lastDay {
            applyRules(to: year) { holiday, day, observance, _ in
                if holiday.isYomTov {
                    result.append((day, holiday, observance))
                }
            }
            year = HebrewYear(year.number + 1)
        }
        return result
    }

    // MARK: - Rules

    private static func occurrences(in year: HebrewYear) -> [HolidayOccurrence] {
        var occurrences: [HolidayOccurrence] = []
        occurrences.reserveCapacity(48)
        applyRules(to: year) { holiday, day, observance, dayOfChanukah in
            occurrences.append(occurrence(holiday, day, observance, dayOfChanukah, in: year))
        }
        // Rosh Chodesh comes from its own rule, after the others; on a day with two holidays
        // the order of the rules is kept.
        return occurrences.enumerated().sorted { ($0.element.date.daysSince1970, $0.offset) < ($1.element.date.daysSince1970, $1.offset) }
            .map(\.element)
    }

    private static func occurrence(
        _ holiday: Holiday, _ day: Int, _ observance: HolidayObservance, _ dayOfChanukah: Int?, in year: HebrewYear
    ) -> HolidayOccurrence {
        let hebrewDate = year.date(ofDay: day)
        var roshChodeshMonth: HebrewMonth?
        if holiday == .roshChodesh {
            // The 30th of a month is never the last day of the year, so the next day is this year's.
            roshChodeshMonth = hebrewDate.day == 30 ? year.date(ofDay: day + 1).month : hebrewDate.month
        }
        return HolidayOccurrence(
            holiday: holiday, date: GregorianDate(daysSince1970: day), hebrewDate: hebrewDate,
            observance: observance, dayOfChanukah: dayOfChanukah, roshChodeshMonth: roshChodeshMonth)
    }

    /// Runs the rules for a year, handing each holiday day to `emit`: the rules are written in
    /// the order of the year, postponements included, then Rosh Chodesh; `occurrences(in:)`
    /// sorts them by date (a test checks the order).
    private static func applyRules(
        to year: HebrewYear, _ emit: (Holiday, _ day: Int, HolidayObservance, _ dayOfChanukah: Int?) -> Void
    ) {
        withoutActuallyEscaping(emit) { emit in
            applyRules(HolidayRecorder(year: year, emit: emit))
        }
    }

    private static func applyRules(_ holidays: HolidayRecorder) {
        let year = holidays.year
        let adar: HebrewMonth = year.isLeap ? .adarII : .adar

        holidays.add(.roshHashana1, .tishrei, 1)
        holidays.add(.roshHashana2, .tishrei, 2)
        holidays.add(.tzomGedaliah, .tishrei, 3, ifShabbatMoveBy: 1)
        holidays.add(.erevYomKippur, .tishrei, 9)
        holidays.add(.yomKippur, .tishrei, 10)
        holidays.add(.erevSukkot, .tishrei, 14)
        holidays.add(.sukkot1, .tishrei, 15)
        holidays.add(.sukkot2, .tishrei, 16, observance: .diasporaOnly)
        holidays.add(.cholHamoedSukkot, .tishrei, 16, observance: .israelOnly)
        for day in 17...20 { holidays.add(.cholHamoedSukkot, .tishrei, day) }
        holidays.add(.hoshanaRabba, .tishrei, 21)
        holidays.add(.sheminiAtzeret, .tishrei, 22)
        holidays.add(.simchatTorah, .tishrei, 23, observance: .diasporaOnly)

        let chanukahStart = year.day(25, of: .kislev)
        for day in 1...8 { holidays.add(.chanukah, onDay: chanukahStart + day - 1, dayOfChanukah: day) }

        holidays.add(.asaraBTevet, .tevet, 10)
        holidays.add(.tuBiShvat, .shevat, 15)
        holidays.add(.taanitEsther, adar, 13, ifShabbatMoveBy: -2)
        holidays.add(.purim, adar, 14)
        holidays.add(.shushanPurim, adar, 15)

        holidays.add(.erevPesach, .nisan, 14)
        holidays.add(.pesach1, .nisan, 15)
        holidays.add(.pesach2, .nisan, 16, observance: .diasporaOnly)
        holidays.add(.cholHamoedPesach, .nisan, 16, observance: .israelOnly)
        for day in 17...20 { holidays.add(.cholHamoedPesach, .nisan, day) }
        holidays.add(.pesach7, .nisan, 21)
        holidays.add(.pesach8, .nisan, 22, observance: .diasporaOnly)

        if year.number >= 5719 {
            let day = year.day(27, of: .nisan)
            switch Weekday(daysSince1970: day) {
            case .friday: holidays.add(.yomHaShoah, onDay: day - 1)
            case .sunday: holidays.add(.yomHaShoah, onDay: day + 1)
            default: holidays.add(.yomHaShoah, onDay: day)
            }
        }
        if year.number >= 5709 {
            let fifthOfIyar = year.day(5, of: .iyar)
            let independenceDay: Int
            switch Weekday(daysSince1970: fifthOfIyar) {
            case .friday: independenceDay = fifthOfIyar - 1
            case .saturday: independenceDay = fifthOfIyar - 2
            case .monday where year.number >= 5764: independenceDay = fifthOfIyar + 1
            default: independenceDay = fifthOfIyar
            }
            holidays.add(.yomHaZikaron, onDay: independenceDay - 1)
            holidays.add(.yomHaAtzmaut, onDay: independenceDay)
        }
        holidays.add(.pesachSheni, .iyar, 14)
        holidays.add(.lagBaOmer, .iyar, 18)
        if year.number >= 5728 {
            holidays.add(.yomYerushalayim, .iyar, 28)
        }

        holidays.add(.erevShavuot, .sivan, 5)
        holidays.add(.shavuot1, .sivan, 6)
        holidays.add(.shavuot2, .sivan, 7, observance: .diasporaOnly)
        holidays.add(.shivaAsarBTammuz, .tammuz, 17, ifShabbatMoveBy: 1)
        holidays.add(.tishaBAv, .av, 9, ifShabbatMoveBy: 1)
        holidays.add(.erevRoshHashana, .elul, 29)

        var previous = HebrewMonth.tishrei
        for month in year.months.dropFirst() {
            let first = year.firstDay(of: month)
            if year.length(of: previous) == 30 { holidays.add(.roshChodesh, onDay: first - 1) }
            holidays.add(.roshChodesh, onDay: first)
            previous = month
        }
    }
}

/// Passes on the day each holiday of a year falls on, as the rules find it.
private struct HolidayRecorder {
    let year: HebrewYear
    let emit: (Holiday, Int, HolidayObservance, Int?) -> Void

    func add(
        _ holiday: Holiday, _ month: HebrewMonth, _ day: Int,
        observance: HolidayObservance = .everywhere, ifShabbatMoveBy shift: Int = 0
    ) {
        var dayNumber = year.day(day, of: month)
        if shift != 0 && Weekday(daysSince1970: dayNumber) == .saturday {
            dayNumber += shift
        }
        add(holiday, onDay: dayNumber, observance: observance)
    }

    func add(
        _ holiday: Holiday, onDay dayNumber: Int,
        observance: HolidayObservance = .everywhere, dayOfChanukah: Int? = nil
    ) {
        emit(holiday, dayNumber, observance, dayOfChanukah)
    }
}
