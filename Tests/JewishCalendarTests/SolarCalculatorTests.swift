// Sun times are checked against sun-times-2025.csv, made with zmanim 0.3.1 (KosherJava's NOAA
// calculator) for sixteen places over all of 2025; see Support/ReferenceTables.swift.

import Foundation
import JewishCalendar
import Testing

@Suite("Sun times")
struct SolarCalculatorTests {
    @Test("Sunrise, sunset and 8.5-degree dusk are within one minute of zmanim at every place on every day of 2025")
    func matchesReference() throws {
        let places = Dictionary(uniqueKeysWithValues: try ReferenceTables.places().map { ($0.key, $0.location) })
        let rows = try ReferenceTables.sunTimes()
        #expect(rows.count == 16 * 365)
        var worst: TimeInterval = 0
        for row in rows {
            let location = try #require(places[row.place])
            let checks: [(String, Date?, SolarEvent)] = [
                ("sunrise", row.sunrise, SolarCalculator.sunrise(on: row.date, at: location)),
                ("sunset", row.sunset, SolarCalculator.sunset(on: row.date, at: location)),
                (
                    "elevated sunset", row.elevatedSunset,
                    SolarCalculator.sunset(on: row.date, at: location, accountingForElevation: true)
                ),
                ("dusk", row.dusk, try SolarCalculator.dusk(on: row.date, at: location, sunBelowHorizon: 8.5)),
            ]
            for (name, expected, actual) in checks {
                if let expected {
                    let date = try #require(
                        actual.date, "\(row.place) \(row.date) \(name): expected \(expected), got \(actual)")
                    worst = max(worst, secondsApart(date, expected))
                    #expect(secondsApart(date, expected) <= 60, "\(row.place) \(row.date) \(name)")
                } else {
                    #expect(actual.date == nil, "\(row.place) \(row.date) \(name): zmanim has none, got \(actual)")
                }
            }
        }
        #expect(worst <= 60)
    }

    @Test("Above the Arctic Circle the sun neither sets in June nor rises in December, and says which")
    func polarDayAndNight() throws {
        let tromso = try ReferenceTables.place("tromso").location
        #expect(SolarCalculator.sunset(on: try day(2025, 6, 21), at: tromso) == .sunStaysAbove)
        #expect(SolarCalculator.sunrise(on: try day(2025, 6, 21), at: tromso) == .sunStaysAbove)
        #expect(try SolarCalculator.dusk(on: try day(2025, 6, 21), at: tromso, sunBelowHorizon: 8.5) == .sunStaysAbove)
        #expect(SolarCalculator.sunset(on: try day(2025, 12, 21), at: tromso) == .sunStaysBelow)
        #expect(SolarCalculator.sunrise(on: try day(2025, 12, 21), at: tromso) == .sunStaysBelow)
        // Even in polar night the sun comes within 8.5 degrees of the horizon at noon.
        #expect(try SolarCalculator.dusk(on: try day(2025, 12, 21), at: tromso, sunBelowHorizon: 8.5).date != nil)
        // At the pole itself there is no crossing either way, and no crash.
        let northPole = try location(90, 0, "UTC")
        #expect(SolarCalculator.sunset(on: try day(2025, 6, 21), at: northPole) == .sunStaysAbove)
        #expect(SolarCalculator.sunset(on: try day(2025, 12, 21), at: northPole) == .sunStaysBelow)
    }

    @Test("Solar noon falls between sunrise and sunset, and solar midnight half a day later")
    func solarNoonAndMidnight() throws {
        let jerusalem = try ReferenceTables.place("jerusalem").location
        let date = try day(2025, 3, 20)
        let noon = SolarCalculator.solarNoon(on: date, at: jerusalem)
        let sunrise = try #require(SolarCalculator.sunrise(on: date, at: jerusalem).date)
        let sunset = try #require(SolarCalculator.sunset(on: date, at: jerusalem).date)
        #expect(sunrise < noon && noon < sunset)
        #expect(abs(noon.timeIntervalSince(sunrise) - sunset.timeIntervalSince(noon)) < 60)
        let midnight = SolarCalculator.solarMidnight(after: date, at: jerusalem)
        #expect(abs(midnight.timeIntervalSince(noon) - 12 * 3600) < 60)
        // Local solar noon in Jerusalem (35.2 E, UTC+2) is about 11:40.
        #expect(jerusalem.localDate(of: noon) == date)
    }

    @Test("Near the antimeridian a day's sunset is still on that local day")
    func antimeridian() throws {
        // Kiritimati is at 157 W but keeps UTC+14.
        let kiritimati = try location(1.87, -157.4, "Pacific/Kiritimati")
        let date = try day(2025, 3, 1)
        let sunset = try #require(SolarCalculator.sunset(on: date, at: kiritimati).date)
        #expect(kiritimati.localDate(of: sunset) == date)
        let noon = SolarCalculator.solarNoon(on: date, at: kiritimati)
        #expect(kiritimati.localDate(of: noon) == date)
    }

    @Test("A depression outside 0 to 30 degrees is rejected")
    func invalidDepression() throws {
        let london = try ReferenceTables.place("london").location
        let error = #expect(throws: CalendarError.self) {
            try SolarCalculator.dusk(on: try day(2025, 1, 1), at: london, sunBelowHorizon: 95)
        }
        #expect(error?.code == .invalidSunDepression)
        #expect(error?.description.contains("95") == true)
        #expect(throws: CalendarError.self) {
            try SolarCalculator.dawn(on: try day(2025, 1, 1), at: london, sunBelowHorizon: .nan)
        }
    }
}
