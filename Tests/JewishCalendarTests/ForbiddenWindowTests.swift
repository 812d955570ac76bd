// Windows are checked against windows-2025.csv, made with zmanim 0.3.1 (KosherJava's candle
// lighting, tzais at 8.5 degrees and Shabbat/yom tov status) for sixteen places over 2025;
// see Support/ReferenceTables.swift.

import Foundation
import JewishCalendar
import Testing

@Suite("Forbidden-work windows")
struct ForbiddenWindowTests {
    @Test("Every window of 2025 at every place starts and ends within one minute of zmanim")
    func matchesReference() throws {
        let reference = try ReferenceTables.windows()
        for place in try ReferenceTables.places() {
            let expected = reference.filter { $0.place == place.key }
            let zone = place.location.timeZone
            let windows = try place.calendar.forbiddenWindows(
                from: try instantAtMidnight(day(2025, 1, 1), zone), to: try instantAtMidnight(day(2026, 1, 1), zone))
            #expect(windows.count == expected.count, "\(place.name)")
            for (window, row) in zip(windows, expected) {
                // Tromsø's empty cells are days zmanim has no time for; "Polar regions" tests cover them.
                if let start = row.start {
                    #expect(secondsApart(window.start, start) <= 60, "\(place.name) start \(start)")
                }
                if let end = row.end {
                    #expect(secondsApart(window.end, end) <= 60, "\(place.name) end \(end)")
                }
            }
        }
    }

    @Test("Rosh Hashana on Thursday and Friday runs into Shabbat as one window")
    func roshHashanaIntoShabbat() throws {
        for key in ["new-york", "jerusalem"] {
            let calendar = try ReferenceTables.place(key).calendar
            let windows = try calendar.forbiddenWindows(
                from: try instant("2024-10-01T00:00:00Z"), to: try instant("2024-10-07T00:00:00Z"))
            #expect(windows.count == 1, "\(key)")
            let window = try #require(windows.first)
            #expect(window.days.map(\.date) == [try day(2024, 10, 3), try day(2024, 10, 4), try day(2024, 10, 5)])
            #expect(window.days.map(\.yomTov) == [[.roshHashana1], [.roshHashana2], []])
            #expect(window.days.map(\.isShabbat) == [false, false, true])
            #expect(window.start == calendar.candleLighting(on: try day(2024, 10, 2)))
            #expect(window.end == calendar.havdalah(on: try day(2024, 10, 5)))
        }
    }

    @Test("Shabbat before Pesach is one window with the first day, two days of yom tov abroad")
    func shabbatIntoPesach() throws {
        let range = (try instant("2025-04-10T00:00:00Z"), try instant("2025-04-16T00:00:00Z"))
        let israel = try ReferenceTables.place("tel-aviv").calendar.forbiddenWindows(from: range.0, to: range.1)
        #expect(israel.map { $0.days.map(\.date) } == [[try day(2025, 4, 12), try day(2025, 4, 13)]])
        let abroad = try ReferenceTables.place("london").calendar.forbiddenWindows(from: range.0, to: range.1)
        #expect(
            abroad.map { $0.days.map(\.date) } == [[try day(2025, 4, 12), try day(2025, 4, 13), try day(2025, 4, 14)]])
        #expect(abroad.first?.days.last?.yomTov == [.pesach2])
    }

    @Test("Sukkot and Shemini Atzeret abroad join their second days and Shabbat; in Israel Shabbat stands apart")
    func sukkotAndSheminiAtzeret() throws {
        let range = (try instant("2024-10-15T00:00:00Z"), try instant("2024-10-28T00:00:00Z"))
        let abroad = try ReferenceTables.place("toronto").calendar.forbiddenWindows(from: range.0, to: range.1)
        #expect(abroad.map { $0.days.count } == [3, 3])
        #expect(abroad.map { $0.days.flatMap(\.yomTov) } == [[.sukkot1, .sukkot2], [.sheminiAtzeret, .simchatTorah]])
        let israel = try ReferenceTables.place("haifa").calendar.forbiddenWindows(from: range.0, to: range.1)
        #expect(
            israel.map { $0.days.map(\.date) } == [
                [try day(2024, 10, 17)], [try day(2024, 10, 19)], [try day(2024, 10, 24)], [try day(2024, 10, 26)],
            ])
        // Shemini Atzeret is Simchat Torah in Israel: one day of rest, named once.
        #expect(israel[2].days.count == 1)
        #expect(israel[2].days[0].yomTov == [.sheminiAtzeret])
    }

    @Test("Candle lighting follows the place's custom: 40 minutes in Jerusalem, 30 in Haifa, 18 elsewhere")
    func candleLightingCustoms() throws {
        let friday = try day(2025, 6, 6)
        for (key, minutes) in [("jerusalem", 40), ("haifa", 30), ("tel-aviv", 18)] {
            let place = try ReferenceTables.place(key)
            let sunset = try #require(SolarCalculator.sunset(on: friday, at: place.location).date)
            #expect(try place.calendar.candleLighting(on: friday) == sunset - TimeInterval(minutes * 60))
        }
        #expect(CandleLightingPolicy.jerusalem.minutesBeforeSunset == 40)
        #expect(CandleLightingPolicy.haifa.minutesBeforeSunset == 30)
        #expect(CandleLightingPolicy.standard.minutesBeforeSunset == 18)
    }

    @Test("Havdalah can be a fixed number of minutes after sunset")
    func havdalahByMinutes() throws {
        let newYork = try ReferenceTables.place("new-york").location
        let calendar = ObservanceCalendar(
            location: newYork,
            policy: try CandleLightingPolicy(minutesBeforeSunset: 18, havdalah: .minutesAfterSunset(72)))
        let saturday = try day(2025, 6, 7)
        let sunset = try #require(SolarCalculator.sunset(on: saturday, at: newYork).date)
        #expect(calendar.havdalah(on: saturday) == sunset + 72 * 60)
        let dusk = try #require(try SolarCalculator.dusk(on: saturday, at: newYork, sunBelowHorizon: 8.5).date)
        #expect(ObservanceCalendar(location: newYork).havdalah(on: saturday) == dusk)
    }

    @Test("A range that starts inside Shabbat returns the whole window, from its candle lighting")
    func windowBeganBeforeRange() throws {
        let calendar = try ReferenceTables.place("paris").calendar
        let saturdayNoon = try instant("2025-06-07T12:00:00+02:00")
        let windows = try calendar.forbiddenWindows(from: saturdayNoon, to: saturdayNoon + 3600)
        #expect(windows.count == 1)
        #expect(windows.first?.start == calendar.candleLighting(on: try day(2025, 6, 6)))
        #expect(windows.first?.contains(saturdayNoon) == true)
        // A range that ends before candle lighting has no window.
        let thursday = try instant("2025-06-05T12:00:00+02:00")
        #expect(try calendar.forbiddenWindows(from: thursday, to: thursday + 3600).isEmpty)
    }

    @Test("Windows are ordered, disjoint, and each ends after it starts, over ten years at every place")
    func windowsAreWellFormed() throws {
        for place in try ReferenceTables.places() {
            let windows = try place.calendar.forbiddenWindows(
                from: try instant("2025-01-01T00:00:00Z"), to: try instant("2034-12-31T00:00:00Z"))
            #expect(windows.count > 500, "\(place.name)")
            for window in windows {
                #expect(window.start < window.end, "\(place.name) \(window.start)")
                #expect(window.end.timeIntervalSince(window.start) < 4 * 86_400, "\(place.name) \(window.start)")
            }
            for (earlier, later) in zip(windows, windows.dropFirst()) {
                #expect(earlier.end < later.start, "\(place.name) \(earlier.end)")
            }
        }
    }

    private func instantAtMidnight(_ date: GregorianDate, _ zone: TimeZone) throws -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return try #require(calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)))
    }
}
