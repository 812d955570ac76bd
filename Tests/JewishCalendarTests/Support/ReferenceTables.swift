// Reference tables in Resources/, and how they were made.
//
// All tables were generated once with Python 3.11 packages from PyPI, outside this repository
// (the generator is not committed; only its output is):
//   zmanim 0.3.1   — the Python port of KosherJava: NOAA sun times, candle lighting, tzais,
//                    Shabbat/yom tov status and holidays (JewishCalendar.significant_day);
//   hdate 1.2.2    — an independent holiday database, used to cross-check zmanim's holidays;
//   pyluach 2.3.0  — Hebrew calendar arithmetic, used for the month table and to cross-check zmanim's dates.
// Time zones came from the system's IANA database (version 2025b) through python-dateutil.
//
// places.csv
//   The sixteen places: key, name, latitude, longitude, elevation (m), IANA zone and the
//   candle-lighting minutes used for them (Jerusalem 40, Haifa 30, elsewhere 18).
//
// sun-times-2025.csv — every day of 2025 at every place, from
//   ZmanimCalendar(geo_location=GeoLocation(name, lat, lon, zone, elevation=elev), date=day):
//     sunrise         = sea_level_sunrise()
//     sunset          = sea_level_sunset()
//     elevated_sunset = sunset()                 (horizon lowered for the elevation)
//     dusk_8_5        = tzais({'degrees': 8.5})  (sun 8.5 degrees below the horizon)
//   Times are local wall-clock times on the row's date as HH:MM:SS; an hour of 24 or more is
//   after the following midnight. An empty cell is zmanim's None: the sun does not reach that
//   altitude that day (Tromsø in polar day and night).
//
// windows-2025.csv — forbidden-work windows at every place with a start in 2025, walking the
//   days from 31 December 2024 to 31 December 2025 with JewishCalendar(day), in_israel = True for
//   zone Asia/Jerusalem and False elsewhere: a window starts at
//   ZmanimCalendar(candle_lighting_offset=minutes, ...).candle_lighting() on a day that is not
//   assur bemelacha but whose next day is (is_tomorrow_assur_bemelacha), and ends at
//   tzais({'degrees': 8.5}) on the last day that is assur bemelacha. Times are ISO 8601 with the
//   local offset; a cell is empty where zmanim had no time (Tromsø).
//
// holidays-5780-5800.csv — every day from 1 Tishrei 5780 to 29 Elul 5800, for in_israel True
//   ("israel") and False ("diaspora"), JewishCalendar with use_modern_holidays = True. Its
//   significant_day() names were renamed to the library's identifiers, splitting multi-day names
//   by the day of the month (rosh_hashana 1/2, succos 15/16, pesach 15/16/21/22, shavuos 6/7 become
//   rosh-hashana-1/2, sukkot-1/2, pesach-1/2/7/8, shavuot-1/2). KosherJava calls 22 Tishrei in
//   Israel only "shemini_atzeres"; the row for Simchat Torah, held on that day in Israel, was
//   added at first; it has since been removed, as Israel keeps the two as one day of rest, listed
//   once as Shemini Atzeret (as Hebcal does). Erev days, Rosh Chodesh, Pesach Sheni and Lag BaOmer
//   (checked against minor-days-5780-5800.csv instead), Purim Katan and Tu B'Av were left out. work_forbidden is is_yom_tov_assur_bemelacha(). hdate's
//   HolidayDatabase, mapped the same way, agreed with zmanim on every day and both schedules.
//
// minor-days-5780-5800.csv — the days the library lists that are not days of rest and not in
//   holidays-5780-5800.csv, for both schedules alike: Rosh Chodesh (the 30th of a 30-day month and
//   the 1st of the next, Tishrei excepted), Erev Yom Kippur (9 Tishrei), Erev Sukkot (14 Tishrei),
//   Erev Pesach (14 Nisan), Pesach Sheni (14 Iyar), Lag BaOmer (18 Iyar), Erev Shavuot (5 Sivan)
//   and Erev Rosh Hashana (29 Elul), from convertdate 2.4's hebrew.to_gregorian and
//   hebrew.month_length (an implementation independent of the library's).
//
// hebrew-months-5700-5900.csv — the first Gregorian day and the length of every month of
//   Hebrew years 5700 to 5900 from pyluach.hebrewcal.Year(year).itermonths(); zmanim's
//   JewishDate agreed on every first day.

import Foundation
import JewishCalendar

/// A place of the reference tables.
struct ReferencePlace: Sendable {
    let key: String
    let name: String
    let location: GeoLocation
    let candleLightingMinutes: Int

    var calendar: ObservanceCalendar {
        get throws {
            ObservanceCalendar(
                location: location, policy: try CandleLightingPolicy(minutesBeforeSunset: candleLightingMinutes))
        }
    }
}

/// One row of sun-times-2025.csv, with the times as instants.
struct ReferenceSunTimes: Sendable {
    let place: String
    let date: GregorianDate
    let sunrise: Date?
    let sunset: Date?
    let elevatedSunset: Date?
    let dusk: Date?
}

/// One row of windows-2025.csv.
struct ReferenceWindow: Sendable {
    let place: String
    let start: Date?
    let end: Date?
}

/// One row of holidays-5780-5800.csv.
struct ReferenceHoliday: Sendable, Hashable {
    let hebrewYear: Int
    let schedule: HolidaySchedule
    let holiday: String
    let date: GregorianDate
    let workForbidden: Bool
}

/// One row of minor-days-5780-5800.csv.
struct ReferenceMinorDay: Sendable, Hashable {
    let hebrewYear: Int
    let holiday: String
    let date: GregorianDate
}

/// One row of hebrew-months-5700-5900.csv.
struct ReferenceMonth: Sendable {
    let hebrewYear: Int
    let monthName: String
    let firstDay: GregorianDate
    let length: Int
}

enum ReferenceTables {
    static func places() throws -> [ReferencePlace] {
        try rows("places").map { row in
            ReferencePlace(
                key: row[0],
                name: row[1],
                location: try GeoLocation(
                    latitude: try double(row[2]), longitude: try double(row[3]), elevation: try double(row[4]),
                    timeZoneIdentifier: row[5]),
                candleLightingMinutes: try int(row[6]))
        }
    }

    static func place(_ key: String) throws -> ReferencePlace {
        guard let place = try places().first(where: { $0.key == key }) else {
            throw ReferenceTableError("no place \(key) in places.csv")
        }
        return place
    }

    static func sunTimes() throws -> [ReferenceSunTimes] {
        let zones = Dictionary(uniqueKeysWithValues: try places().map { ($0.key, $0.location.timeZone) })
        return try rows("sun-times-2025").map { row in
            let date = try gregorianDate(row[1])
            guard let zone = zones[row[0]] else { throw ReferenceTableError("unknown place \(row[0])") }
            return ReferenceSunTimes(
                place: row[0], date: date,
                sunrise: try localTime(row[2], on: date, in: zone),
                sunset: try localTime(row[3], on: date, in: zone),
                elevatedSunset: try localTime(row[4], on: date, in: zone),
                dusk: try localTime(row[5], on: date, in: zone))
        }
    }

    static func windows() throws -> [ReferenceWindow] {
        try rows("windows-2025").map { row in
            ReferenceWindow(place: row[0], start: try instant(row[1]), end: try instant(row[2]))
        }
    }

    static func holidays() throws -> [ReferenceHoliday] {
        try rows("holidays-5780-5800").map { row in
            guard let schedule = HolidaySchedule(rawValue: row[1]) else {
                throw ReferenceTableError("unknown schedule \(row[1])")
            }
            return ReferenceHoliday(
                hebrewYear: try int(row[0]), schedule: schedule, holiday: row[2],
                date: try gregorianDate(row[3]), workForbidden: row[4] == "yes")
        }
    }

    static func minorDays() throws -> [ReferenceMinorDay] {
        try rows("minor-days-5780-5800").map { row in
            ReferenceMinorDay(hebrewYear: try int(row[0]), holiday: row[1], date: try gregorianDate(row[2]))
        }
    }

    static func months() throws -> [ReferenceMonth] {
        try rows("hebrew-months-5700-5900").map { row in
            ReferenceMonth(
                hebrewYear: try int(row[0]), monthName: row[1], firstDay: try gregorianDate(row[2]),
                length: try int(row[3]))
        }
    }

    // MARK: - Parsing

    /// The rows of a CSV file without its header. The tables have no quoted fields.
    private static func rows(_ name: String) throws -> [[String]] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Resources") else {
            throw ReferenceTableError("missing resource \(name).csv")
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    static func gregorianDate(_ text: String) throws -> GregorianDate {
        let parts = text.split(separator: "-")
        guard parts.count == 3 else { throw ReferenceTableError("bad date \(text)") }
        return try GregorianDate(year: try int(parts[0]), month: try int(parts[1]), day: try int(parts[2]))
    }

    /// A local wall-clock time "HH:MM:SS" on a date in a zone; hours of 24 and more are after midnight.
    private static func localTime(_ text: String, on date: GregorianDate, in zone: TimeZone) throws -> Date? {
        guard !text.isEmpty else { return nil }
        let parts = try text.split(separator: ":").map { try int($0) }
        guard parts.count == 3 else { throw ReferenceTableError("bad time \(text)") }
        let day = date.adding(days: parts[0] / 24)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(
            year: day.year, month: day.month, day: day.day, hour: parts[0] % 24, minute: parts[1], second: parts[2])
        guard let instant = calendar.date(from: components) else { throw ReferenceTableError("bad time \(text)") }
        return instant
    }

    private static func instant(_ text: String) throws -> Date? {
        guard !text.isEmpty else { return nil }
        guard let instant = ISO8601DateFormatter().date(from: text) else {
            throw ReferenceTableError("bad instant \(text)")
        }
        return instant
    }

    private static func int(_ text: some StringProtocol) throws -> Int {
        guard let value = Int(text) else { throw ReferenceTableError("bad integer \(text)") }
        return value
    }

    private static func double(_ text: some StringProtocol) throws -> Double {
        guard let value = Double(text) else { throw ReferenceTableError("bad number \(text)") }
        return value
    }
}

struct ReferenceTableError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
