import Foundation
import JewishCalendar
import Testing

@Suite("Locations and civil dates")
struct GeoLocationTests {
    @Test("Israel's schedule follows from the Israeli time zone unless a place says otherwise")
    func scheduleFromTimeZone() throws {
        #expect(try location(31.48, 34.53, "Asia/Jerusalem").schedule == .israel)
        #expect(try location(41.59, -93.62, "America/Chicago").schedule == .diaspora)
        let student = try GeoLocation(
            latitude: 51.5, longitude: -0.13, timeZoneIdentifier: "Europe/London", schedule: .israel)
        #expect(student.schedule == .israel)
        #expect(
            try ReferenceTables.places().filter { $0.location.schedule == .israel }.map(\.key)
                == ["jerusalem", "tel-aviv", "haifa", "sderot", "kfar-aza"])
    }

    @Test("The local date of an instant depends on the place's time zone")
    func localDate() throws {
        let instant = try instant("2025-06-06T23:30:00Z")
        #expect(try location(31.77, 35.21, "Asia/Jerusalem").localDate(of: instant) == (try day(2025, 6, 7)))
        #expect(try location(34.05, -118.24, "America/Los_Angeles").localDate(of: instant) == (try day(2025, 6, 6)))
    }

    @Test("Gregorian dates count days, weekdays and years as the civil calendar does")
    func gregorianArithmetic() throws {
        #expect(try day(2017, 7, 23).weekday == .sunday)
        #expect(try day(1970, 1, 1).weekday == .thursday)
        #expect(try day(2024, 2, 28).adding(days: 1) == (try day(2024, 2, 29)))
        #expect(try day(2100, 2, 28).adding(days: 1) == (try day(2100, 3, 1)))
        #expect(try day(2000, 1, 1).distance(to: try day(2025, 1, 1)) == 9132)
        #expect(try day(1, 1, 1).adding(days: -1) < (try day(1, 1, 1)))
        #expect(try day(2025, 1, 9).description == "2025-01-09")
        #expect(Array(try day(2025, 12, 30)...day(2026, 1, 2)).count == 4)
    }
}
