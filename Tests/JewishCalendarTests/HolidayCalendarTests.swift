// Holiday dates are checked against holidays-5780-5800.csv, made with zmanim 0.3.1
// (KosherJava's JewishCalendar) and cross-checked with hdate 1.2.2; see Support/ReferenceTables.swift.

import JewishCalendar
import Testing

@Suite("Holidays")
struct HolidayCalendarTests {
    @Test(
        "Every holiday date of 5780 to 5800 is the reference's, in Israel and abroad",
        arguments: HolidaySchedule.allCases)
    func holidaysMatchReference(schedule: HolidaySchedule) throws {
        let reference = try ReferenceTables.holidays().filter { $0.schedule == schedule }
        #expect(reference.count > 800)
        for year in 5780...5800 {
            let expected = Set(reference.filter { $0.hebrewYear == year }.map { "\($0.holiday) \($0.date)" })
            let ours = try HolidayCalendar.occurrences(inHebrewYear: year, schedule: schedule)
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

    @Test("Israel keeps one day of yom tov and Simchat Torah on Shemini Atzeret; the diaspora keeps two")
    func israelAndDiasporaSchedules() throws {
        let israel = try HolidayCalendar.occurrences(inHebrewYear: 5785, schedule: .israel)
        let diaspora = try HolidayCalendar.occurrences(inHebrewYear: 5785, schedule: .diaspora)
        for secondDay in [Holiday.sukkot2, .pesach2, .pesach8, .shavuot2] {
            #expect(!israel.contains { $0.holiday == secondDay })
            #expect(diaspora.contains { $0.holiday == secondDay })
        }
        #expect(israel.filter(\.holiday.isYomTov).count == 9)
        #expect(diaspora.filter(\.holiday.isYomTov).count == 13)

        let sheminiAtzeret = try day(2024, 10, 24)
        #expect(
            HolidayCalendar.occurrences(on: sheminiAtzeret, schedule: .israel).map(\.holiday) == [
                .sheminiAtzeret, .simchatTorah,
            ])
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
