// Holiday dates are checked against holidays-5780-5800.csv, made with zmanim 0.3.1
// (KosherJava's JewishCalendar) and cross-checked with hdate 1.2.2; see Support/ReferenceTables.swift.

import JewishCalendar
import Testing

@Suite("Holidays")
struct HolidayCalendarTests {
    /// The days the holiday table leaves out, checked against minor-days-5780-5800.csv.
    static let minorDays: Set<Holiday> = [
        .roshChodesh, .erevRoshHashana, .erevYomKippur, .erevSukkot, .erevPesach, .erevShavuot, .pesachSheni,
        .lagBaOmer,
    ]

    @Test(
        "Rosh Chodesh, the eves of the festivals, Pesach Sheni and Lag BaOmer of 5780 to 5800 are the reference's, in Israel and abroad",
        arguments: HolidaySchedule.allCases)
    func minorDaysMatchReference(schedule: HolidaySchedule) throws {
        let reference = try ReferenceTables.minorDays()
        #expect(reference.count > 500)
        for year in 5780...5800 {
            let expected = reference.filter { $0.hebrewYear == year }.map { "\($0.holiday) \($0.date)" }.sorted()
            let ours = try HolidayCalendar.occurrences(inHebrewYear: year, schedule: schedule)
                .filter { Self.minorDays.contains($0.holiday) }
            #expect(ours.map { "\($0.holiday.id) \($0.date)" }.sorted() == expected, "\(year) \(schedule)")
            #expect(ours.allSatisfy { !$0.holiday.isYomTov && $0.observance == .everywhere })
        }
    }

    @Test("Lag BaOmer 2026 is 5 May, Pesach Sheni 1 May; Rosh Chodesh Kislev 5787 is 10 and 11 November 2026")
    func minorDaysOf2026() throws {
        let year5786 = try HolidayCalendar.occurrences(inHebrewYear: 5786)
        #expect(year5786.first { $0.holiday == .lagBaOmer }?.date == (try day(2026, 5, 5)))
        #expect(year5786.first { $0.holiday == .pesachSheni }?.date == (try day(2026, 5, 1)))
        #expect(year5786.first { $0.holiday == .erevPesach }?.date == (try day(2026, 4, 1)))
        #expect(year5786.first { $0.holiday == .erevShavuot }?.date == (try day(2026, 5, 21)))
        #expect(year5786.last?.holiday == .erevRoshHashana)
        #expect(year5786.last?.date == (try day(2026, 9, 11)))
        let year5787 = try HolidayCalendar.occurrences(inHebrewYear: 5787)
        #expect(year5787.first { $0.holiday == .erevYomKippur }?.date == (try day(2026, 9, 20)))
        #expect(year5787.first { $0.holiday == .erevSukkot }?.date == (try day(2026, 9, 25)))
        let kislev = year5787.filter { $0.holiday == .roshChodesh && $0.roshChodeshMonth == .kislev }
        #expect(kislev.map(\.date) == [try day(2026, 11, 10), try day(2026, 11, 11)])
        #expect(kislev.map(\.hebrewDate.month) == [.cheshvan, .kislev])
        // Rosh Chodesh Tevet falls in Chanukah: both are listed, Chanukah first.
        #expect(
            HolidayCalendar.occurrences(on: try day(2026, 12, 10), schedule: .israel).map(\.holiday) == [
                .chanukah, .roshChodesh,
            ])
        #expect(Holiday.lagBaOmer.category == .minor && Holiday.erevPesach.category == .erev)
        #expect(Holiday.roshChodesh.category == .roshChodesh && !Holiday.roshChodesh.isYomTov)
        // Not days of rest: no window starts on the eve of Lag BaOmer (a Tuesday).
        let windows = try ReferenceTables.place("jerusalem").calendar.forbiddenWindows(
            from: try instant("2026-05-03T00:00:00Z"), to: try instant("2026-05-08T00:00:00Z"))
        #expect(windows.isEmpty)
    }
    @Test(
        "Every holiday date of 5780 to 5800 is the reference's, in Israel and abroad",
        arguments: HolidaySchedule.allCases)
    func holidaysMatchReference(schedule: HolidaySchedule) throws {
        let reference = try ReferenceTables.holidays().filter { $0.schedule == schedule }
        #expect(reference.count > 800)
        for year in 5780...5800 {
            let expected = Set(reference.filter { $0.hebrewYear == year }.map { "\($0.holiday) \($0.date)" })
            let ours = try HolidayCalendar.occurrences(inHebrewYear: year, schedule: schedule)
                .filter { !Self.minorDays.contains($0.holiday) }
            let actual = Set(ours.map { "\($0.holiday.id) \($0.date)" })
            #expect(
                actual == expected,
                "\(year) \(schedule): missing \(expected.subtracting(actual).sorted()), extra \(actual.subtracting(expected).sorted())"
            )
        }
    }

    @Test("Occurrences come in date order in every year from 5600 to 6200")
    func dateOrder() throws {
        for year in 5600...6200 {
            let dates = try HolidayCalendar.occurrences(inHebrewYear: year).map(\.date)
            #expect(dates == dates.sorted(), "\(year)")
            #expect(dates.first.map { HebrewDate($0).year } == year)
            #expect(dates.last.map { HebrewDate($0).year } == year)
        }
    }

    @Test("Work is forbidden on exactly the reference's yom tov days", arguments: HolidaySchedule.allCases)
    func yomTovMatchesReference(schedule: HolidaySchedule) throws {
        for row in try ReferenceTables.holidays() where row.schedule == schedule {
            let holiday = try #require(Holiday(rawValue: row.holiday))
            #expect(holiday.isYomTov == row.workForbidden, "\(row.holiday) \(row.date)")
        }
    }

    @Test(
        "Fasts that fall on Shabbat move: Tzom Gedaliah, 17 Tammuz and Tisha B'Av to Sunday, Ta'anit Esther to Thursday"
    )
    func fastPostponements() throws {
        #expect(try date(of: .tzomGedaliah, in: 5785) == day(2024, 10, 6))
        #expect(try date(of: .tzomGedaliah, in: 5785).weekday == .sunday)
        #expect(try date(of: .taanitEsther, in: 5784) == day(2024, 3, 21))
        #expect(try HebrewDate(date(of: .taanitEsther, in: 5784)) == HebrewDate(year: 5784, month: .adarII, day: 11))
        #expect(try date(of: .shivaAsarBTammuz, in: 5785) == day(2025, 7, 13))
        #expect(try date(of: .tishaBAv, in: 5785) == day(2025, 8, 3))
        #expect(try date(of: .tishaBAv, in: 5786) == day(2026, 7, 23))
        #expect(try date(of: .asaraBTevet, in: 5785) == day(2025, 1, 10))
    }

    @Test("Israel's modern days follow the postponement rules")
    func modernDays() throws {
        // 27 Nisan 5785 is a Friday: Yom HaShoah moves to Thursday.
        #expect(try date(of: .yomHaShoah, in: 5785) == day(2025, 4, 24))
        // 27 Nisan 5784 is a Sunday: Yom HaShoah moves to Monday.
        #expect(try date(of: .yomHaShoah, in: 5784) == day(2024, 5, 6))
        // 5 Iyar 5784 is a Monday: Yom HaAtzmaut moves to Tuesday, Yom HaZikaron to Monday.
        #expect(try date(of: .yomHaZikaron, in: 5784) == day(2024, 5, 13))
        #expect(try date(of: .yomHaAtzmaut, in: 5784) == day(2024, 5, 14))
        // 5 Iyar 5785 is Shabbat: both move back to Wednesday and Thursday.
        #expect(try date(of: .yomHaZikaron, in: 5785) == day(2025, 4, 30))
        #expect(try date(of: .yomHaAtzmaut, in: 5785) == day(2025, 5, 1))
        // 5 Iyar 5782 is a Friday: Thursday.
        #expect(try date(of: .yomHaAtzmaut, in: 5782) == day(2022, 5, 5))
        // 5 Iyar 5783 is a Wednesday: no change.
        #expect(try date(of: .yomHaAtzmaut, in: 5783) == day(2023, 4, 26))
        #expect(try date(of: .yomYerushalayim, in: 5785) == day(2025, 5, 26))
        // Before 5764 a Monday 5 Iyar did not move: Monday 12 May 1997.
        #expect(try date(of: .yomHaAtzmaut, in: 5757) == day(1997, 5, 12))
        // The modern days did not exist before the State.
        #expect(try HolidayCalendar.occurrences(inHebrewYear: 5700).allSatisfy { $0.holiday.category != .modern })
    }

    @Test(
        "Israel keeps one day of yom tov and Simchat Torah on Shemini Atzeret, one day of rest counted once; the diaspora keeps two"
    )
    func israelAndDiasporaSchedules() throws {
        let israel = try HolidayCalendar.occurrences(inHebrewYear: 5785, schedule: .israel)
        let diaspora = try HolidayCalendar.occurrences(inHebrewYear: 5785, schedule: .diaspora)
        for secondDay in [Holiday.sukkot2, .pesach2, .pesach8, .shavuot2] {
            #expect(!israel.contains { $0.holiday == secondDay })
            #expect(diaspora.contains { $0.holiday == secondDay })
        }
        // Rosh Hashana (2), Yom Kippur, Sukkot, Shemini Atzeret, Pesach I and VII, Shavuot.
        #expect(israel.filter(\.holiday.isYomTov).count == 8)
        #expect(diaspora.filter(\.holiday.isYomTov).count == 13)

        let sheminiAtzeret = try day(2024, 10, 24)
        #expect(
            HolidayCalendar.occurrences(on: sheminiAtzeret, schedule: .israel).map(\.holiday) == [.sheminiAtzeret])
        #expect(!israel.contains { $0.holiday == .simchatTorah })
        #expect(
            HolidayCalendar.occurrences(on: sheminiAtzeret, schedule: .diaspora).map(\.holiday) == [.sheminiAtzeret])
        #expect(
            HolidayCalendar.occurrences(on: try day(2024, 10, 25), schedule: .diaspora).map(\.holiday) == [
                .simchatTorah
            ])
        #expect(
            HolidayCalendar.occurrences(on: try day(2025, 4, 14), schedule: .israel).map(\.holiday) == [
                .cholHamoedPesach
            ])
        #expect(HolidayCalendar.occurrences(on: try day(2025, 4, 14), schedule: .diaspora).map(\.holiday) == [.pesach2])
        #expect(
            HolidayCalendar.occurrences(on: try day(2025, 4, 14), schedule: .diaspora).first?.observance
                == .diasporaOnly)
    }

    @Test("Chanukah lasts eight days, into Tevet, numbered 1 to 8")
    func chanukah() throws {
        let days = try HolidayCalendar.occurrences(inHebrewYear: 5784).filter { $0.holiday == .chanukah }
        #expect(days.map(\.dayOfChanukah) == Array(1...8))
        #expect(days.first?.hebrewDate == (try HebrewDate(year: 5784, month: .kislev, day: 25)))
        // Kislev 5784 has 29 days, so the eighth day is 3 Tevet.
        #expect(days.last?.hebrewDate == (try HebrewDate(year: 5784, month: .tevet, day: 3)))
        #expect(days.first?.date == (try day(2023, 12, 8)))
    }

    @Test("Every holiday has a stable identifier, English and Hebrew names and a category")
    func holidayDescriptions() {
        #expect(Set(Holiday.allCases.map(\.id)).count == Holiday.allCases.count)
        for holiday in Holiday.allCases {
            #expect(!holiday.englishName.isEmpty)
            #expect(!holiday.hebrewName.isEmpty)
        }
        #expect(Holiday.yomKippur.isYomTov && Holiday.yomKippur.isFast)
        #expect(!Holiday.tishaBAv.isYomTov && Holiday.tishaBAv.isFast)
        #expect(Holiday.pesach1.englishName == "Pesach I")
        #expect(Holiday.roshHashana1.hebrewName == "ראש השנה א׳")
        #expect(!Holiday.cholHamoedSukkot.isYomTov)
    }

    @Test("A Hebrew year outside the supported years is rejected")
    func unsupportedYear() {
        let error = #expect(throws: CalendarError.self) { try HolidayCalendar.occurrences(inHebrewYear: 99_999) }
        #expect(error?.code == .invalidHebrewDate)
        #expect(error?.description.contains("99999") == true)
    }

    private func date(of holiday: Holiday, in year: Int) throws -> GregorianDate {
        let occurrence = try HolidayCalendar.occurrences(inHebrewYear: year).first { $0.holiday == holiday }
        return try #require(occurrence).date
    }
}
