import Foundation
import JewishCalendar
import TestSupport
import Testing

@Suite("Next common free interval")
struct CommonFreeIntervalTests {
    static let meetingPlaces = ["los-angeles", "new-york", "london", "jerusalem", "melbourne", "buenos-aires"]

    @Test("A meeting asked for on Friday afternoon UTC goes after havdalah in Los Angeles, the last to end Shabbat")
    func afterShabbatEverywhere() throws {
        let calendars = try Self.meetingPlaces.map { try ReferenceTables.place($0).calendar }
        let slot = try #require(
            try ObservanceCalendar.nextCommonFreeInterval(
                lasting: 2 * 3600, from: try instant("2025-06-06T12:00:00Z"), at: calendars))
        let losAngeles = try ReferenceTables.place("los-angeles").calendar
        #expect(slot.start == losAngeles.havdalah(on: try day(2025, 6, 7)))
        #expect(slot.duration == 2 * 3600)
        try Self.expectFree(slot, at: calendars)
    }

    @Test("A free start is kept as it is")
    func startsWhenAsked() throws {
        let calendars = try Self.meetingPlaces.map { try ReferenceTables.place($0).calendar }
        let tuesday = try instant("2025-06-10T15:00:00Z")
        let slot = try ObservanceCalendar.nextCommonFreeInterval(lasting: 3600, from: tuesday, at: calendars)
        #expect(slot == DateInterval(start: tuesday, duration: 3600))
    }

    @Test("No interval is returned when none fits before the deadline")
    func deadline() throws {
        let calendars = try Self.meetingPlaces.map { try ReferenceTables.place($0).calendar }
        let saturday = try instant("2025-06-07T12:00:00Z")
        #expect(
            try ObservanceCalendar.nextCommonFreeInterval(
                lasting: 3600, from: saturday, before: saturday + 6 * 3600, at: calendars) == nil)
        let found = try ObservanceCalendar.nextCommonFreeInterval(
            lasting: 3600, from: saturday, before: saturday + 3 * 86_400, at: calendars)
        #expect(found != nil)
    }

    @Test("Long meetings skip gaps that are too short, across the autumn festivals")
    func longMeetingsAcrossFestivals() throws {
        let calendars = try Self.meetingPlaces.map { try ReferenceTables.place($0).calendar }
        let start = try instant("2025-09-20T00:00:00Z")
        let slot = try #require(
            try ObservanceCalendar.nextCommonFreeInterval(lasting: 3 * 86_400, from: start, at: calendars))
        try Self.expectFree(slot, at: calendars)
        #expect(slot.start > start)
    }

    @Test("The answer is the earliest fit, found by brute force, for a year of starts and lengths")
    func matchesBruteForce() throws {
        let calendars = try ["tel-aviv", "des-moines", "kyiv", "toronto", "melbourne", "paris"]
            .map { try ReferenceTables.place($0).calendar }
        let yearStart = try instant("2025-01-01T00:00:00Z")
        let horizon = yearStart + 400 * 86_400
        let union = Self.union(try calendars.flatMap { try $0.forbiddenWindows(from: yearStart, to: horizon) })
        var random = SplitMix64(seed: 4)
        for _ in 0..<500 {
            let start = yearStart + TimeInterval(random.next() % (360 * 86_400))
            let duration = TimeInterval(1800 + random.next() % (48 * 3600))
            var expected = start
            for window in union where window.end > expected {
                if window.start >= expected + duration { break }
                expected = window.end
            }
            let slot = try ObservanceCalendar.nextCommonFreeInterval(lasting: duration, from: start, at: calendars)
            #expect(slot?.start == expected, "from \(start) for \(duration) s")
        }
    }

    @Test("Invalid requests are rejected with a reason")
    func invalidRequests() throws {
        let calendars = [try ReferenceTables.place("london").calendar]
        let now = try instant("2025-06-10T12:00:00Z")
        let none = #expect(throws: CalendarError.self) {
            try ObservanceCalendar.nextCommonFreeInterval(lasting: 3600, from: now, at: [])
        }
        #expect(none?.code == .noLocations)
        let week = #expect(throws: CalendarError.self) {
            try ObservanceCalendar.nextCommonFreeInterval(lasting: 7 * 86_400, from: now, at: calendars)
        }
        #expect(week?.code == .invalidDuration)
        #expect(week?.description.contains("604800") == true)
        #expect(throws: CalendarError.self) {
            try ObservanceCalendar.nextCommonFreeInterval(lasting: 0, from: now, at: calendars)
        }
        let past = #expect(throws: CalendarError.self) {
            try ObservanceCalendar.nextCommonFreeInterval(lasting: 3600, from: now, before: now - 60, at: calendars)
        }
        #expect(past?.code == .invalidRange)
        let far = #expect(throws: CalendarError.self) {
            try ObservanceCalendar.nextCommonFreeInterval(
                lasting: 3600, from: now, before: now + 11 * 366 * 86_400, at: calendars)
        }
        #expect(far?.code == .rangeTooLong)
    }

    // MARK: - Helpers

    static func expectFree(_ slot: DateInterval, at calendars: [ObservanceCalendar]) throws {
        for calendar in calendars {
            let clashes = try calendar.forbiddenWindows(from: slot.start, to: slot.end)
            #expect(clashes.isEmpty, "\(calendar.location.timeZoneIdentifier): \(clashes.map(\.start))")
        }
    }

    /// Overlapping or touching windows joined, in order.
    static func union(_ windows: [ForbiddenWindow]) -> [DateInterval] {
        var merged: [DateInterval] = []
        for window in windows.sorted(by: { $0.start < $1.start }) {
            if let last = merged.last, window.start <= last.end {
                merged[merged.count - 1] = DateInterval(start: last.start, end: max(last.end, window.end))
            } else {
                merged.append(window.interval)
            }
        }
        return merged
    }
}
