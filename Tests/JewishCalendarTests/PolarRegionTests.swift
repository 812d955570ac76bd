import Foundation
import JewishCalendar
import Testing

/// The rule under test (see `ObservanceCalendar`, "Polar regions"): where the sun does not reach
/// the altitude of sunset or of havdalah, the time is the sun's closest approach to it, solar
/// midnight in the midnight sun and solar noon in the polar night.
@Suite("Polar regions")
struct PolarRegionTests {
    @Test("In Tromsø's midnight sun Shabbat runs from solar midnight before Shabbat to solar midnight after it")
    func midnightSun() throws {
        let tromso = try ReferenceTables.place("tromso")
        let calendar = try tromso.calendar
        let friday = try day(2025, 6, 20)
        let saturday = try day(2025, 6, 21)
        #expect(SolarCalculator.sunset(on: friday, at: tromso.location) == .sunStaysAbove)
        #expect(
            calendar.candleLighting(on: friday) == SolarCalculator.solarMidnight(after: friday, at: tromso.location)
                - 18 * 60)
        #expect(calendar.havdalah(on: saturday) == SolarCalculator.solarMidnight(after: saturday, at: tromso.location))

        let window = try #require(
            try calendar.forbiddenWindows(
                from: try instant("2025-06-21T12:00:00+02:00"), to: try instant("2025-06-21T13:00:00+02:00")
            ).first)
        // About 00:30 Saturday to 00:45 Sunday, local time.
        #expect(window.start > (try instant("2025-06-21T00:15:00+02:00")))
        #expect(window.start < (try instant("2025-06-21T00:45:00+02:00")))
        #expect(window.end > (try instant("2025-06-22T00:30:00+02:00")))
        #expect(window.end < (try instant("2025-06-22T01:00:00+02:00")))
    }

    @Test("In Tromsø's polar night Shabbat begins before solar noon on Friday and ends at the 8.5-degree dusk")
    func polarNight() throws {
        let tromso = try ReferenceTables.place("tromso")
        let calendar = try tromso.calendar
        let friday = try day(2025, 12, 19)
        let saturday = try day(2025, 12, 20)
        #expect(SolarCalculator.sunset(on: friday, at: tromso.location) == .sunStaysBelow)
        #expect(
            calendar.candleLighting(on: friday) == SolarCalculator.solarNoon(on: friday, at: tromso.location) - 18 * 60)
        let dusk = try #require(try SolarCalculator.dusk(on: saturday, at: tromso.location, sunBelowHorizon: 8.5).date)
        #expect(calendar.havdalah(on: saturday) == dusk)
        // zmanim, which has no candle lighting that day, agrees on havdalah.
        let reference = try ReferenceTables.windows().filter { $0.place == "tromso" && $0.start == nil }
        let end = try #require(reference.first { $0.end.map { secondsApart($0, dusk) < 60 } == true })
        #expect(end.end != nil)
    }

    @Test("Tromsø has a window for every Shabbat of 2025, and its times follow on from one day to the next")
    func continuousThroughTheYear() throws {
        let calendar = try ReferenceTables.place("tromso").calendar
        let windows = try calendar.forbiddenWindows(
            from: try instant("2025-01-01T00:00:00+01:00"), to: try instant("2026-01-01T00:00:00+01:00"))
        #expect(windows.flatMap(\.days).filter(\.isShabbat).count == 52)
        for window in windows where window.days.count == 1 {
            #expect(window.end.timeIntervalSince(window.start) > 20 * 3600, "\(window.start)")
            #expect(window.end.timeIntervalSince(window.start) < 30 * 3600, "\(window.start)")
        }
        var largestDailyChange: TimeInterval = 0
        let days = try day(2025, 1, 1)...day(2025, 12, 31)
        for date in days {
            let next = date.adding(days: 1)
            for (today, tomorrow) in [
                (calendar.candleLighting(on: date), calendar.candleLighting(on: next)),
                (calendar.havdalah(on: date), calendar.havdalah(on: next)),
            ] {
                largestDailyChange = max(largestDailyChange, abs(tomorrow.timeIntervalSince(today) - 86_400))
            }
        }
        // Next to the polar day and night the sun's own times move fast (zmanim's sunset moves 16
        // minutes on 16 May); the substitutes join them with steps of under three quarters of an hour.
        #expect(largestDailyChange < 50 * 60)
    }

    @Test(
        "Closer to the poles every Shabbat still has a window of about a day",
        arguments: [
            (78.22, 15.65, "Arctic/Longyearbyen"), (89.9, 0.0, "UTC"), (-77.85, 166.67, "Antarctica/McMurdo"),
        ])
    func nearThePoles(latitude: Double, longitude: Double, zone: String) throws {
        let calendar = ObservanceCalendar(location: try location(latitude, longitude, zone))
        let windows = try calendar.forbiddenWindows(
            from: try instant("2025-01-01T00:00:00Z"), to: try instant("2026-01-01T00:00:00Z"))
        #expect(windows.flatMap(\.days).filter(\.isShabbat).count == 52)
        for window in windows {
            #expect(window.end.timeIntervalSince(window.start) > 12 * 3600, "\(window.start)")
            #expect(window.end.timeIntervalSince(window.start) < 4 * 86_400, "\(window.start)")
        }
        for (earlier, later) in zip(windows, windows.dropFirst()) {
            #expect(earlier.end < later.start)
        }
    }
}
