import Foundation
import JewishCalendar
import Testing

@Suite("Invalid input")
struct InvalidInputTests {
    @Test("A latitude outside -90...90 is rejected, naming it", arguments: [91.0, -90.5, .nan, .infinity])
    func latitude(_ latitude: Double) {
        let error = #expect(throws: CalendarError.self) {
            try GeoLocation(latitude: latitude, longitude: 0, timeZoneIdentifier: "UTC")
        }
        #expect(error?.code == .invalidLatitude)
        #expect(error?.description.contains("\(latitude)") == true)
    }

    @Test("A longitude outside -180...180 and an impossible elevation are rejected")
    func longitudeAndElevation() {
        let longitude = #expect(throws: CalendarError.self) {
            try GeoLocation(latitude: 0, longitude: 181, timeZoneIdentifier: "UTC")
        }
        #expect(longitude?.code == .invalidLongitude)
        #expect(longitude?.description.contains("181") == true)
        let elevation = #expect(throws: CalendarError.self) {
            try GeoLocation(latitude: 0, longitude: 0, elevation: 12_000, timeZoneIdentifier: "UTC")
        }
        #expect(elevation?.code == .invalidElevation)
    }

    @Test("An unknown time zone is rejected, naming it")
    func unknownTimeZone() {
        let error = #expect(throws: CalendarError.self) {
            try GeoLocation(latitude: 32, longitude: 35, timeZoneIdentifier: "Asia/Atlantis")
        }
        #expect(error?.code == .unknownTimeZone)
        #expect(error?.description.contains("Asia/Atlantis") == true)
    }

    @Test("A range longer than ten years, or one that ends before it starts, is rejected")
    func ranges() throws {
        let calendar = try ReferenceTables.place("new-orleans").calendar
        let start = try instant("2025-01-01T00:00:00Z")
        let long = #expect(throws: CalendarError.self) {
            try calendar.forbiddenWindows(from: start, to: start + 11 * 365 * 86_400)
        }
        #expect(long?.code == .rangeTooLong)
        #expect(long?.description.contains("4015 days") == true)
        let backwards = #expect(throws: CalendarError.self) {
            try calendar.forbiddenWindows(from: start, to: start - 1)
        }
        #expect(backwards?.code == .invalidRange)
        #expect(try calendar.forbiddenWindows(from: start, to: start + ObservanceCalendar.maximumRange).count > 500)
    }

    @Test("Candle-lighting and havdalah customs outside the accepted ranges are rejected")
    func policies() {
        let early = #expect(throws: CalendarError.self) { try CandleLightingPolicy(minutesBeforeSunset: 200) }
        #expect(early?.code == .invalidPolicy)
        #expect(early?.description.contains("200") == true)
        #expect(throws: CalendarError.self) { try CandleLightingPolicy(havdalah: .sunBelowHorizon(degrees: 0)) }
        #expect(throws: CalendarError.self) { try CandleLightingPolicy(havdalah: .sunBelowHorizon(degrees: .nan)) }
        #expect(throws: CalendarError.self) { try CandleLightingPolicy(havdalah: .minutesAfterSunset(0)) }
        #expect((try? CandleLightingPolicy(minutesBeforeSunset: 40)) != nil)
    }

    @Test("Gregorian dates that do not exist are rejected")
    func gregorianDates() {
        let february = #expect(throws: CalendarError.self) { try GregorianDate(year: 2025, month: 2, day: 29) }
        #expect(february?.code == .invalidGregorianDate)
        #expect(february?.description.contains("2025-02") == true)
        #expect(throws: CalendarError.self) { try GregorianDate(year: 2025, month: 13, day: 1) }
        #expect(throws: CalendarError.self) { try GregorianDate(year: 0, month: 1, day: 1) }
        #expect((try? GregorianDate(year: 2024, month: 2, day: 29)) != nil)
    }
}
