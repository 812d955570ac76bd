import Foundation
import JewishCalendar

/// A Gregorian date that must exist.
func day(_ year: Int, _ month: Int, _ day: Int) throws -> GregorianDate {
    try GregorianDate(year: year, month: month, day: day)
}

/// An instant written in ISO 8601 with an offset, e.g. "2025-04-11T18:00:00+03:00".
func instant(_ text: String) throws -> Date {
    guard let instant = ISO8601DateFormatter().date(from: text) else {
        throw ReferenceTableError("bad instant \(text)")
    }
    return instant
}

/// Seconds between two instants, as a magnitude.
func secondsApart(_ a: Date, _ b: Date) -> TimeInterval {
    abs(a.timeIntervalSince(b))
}

/// A location that must be valid.
func location(_ latitude: Double, _ longitude: Double, _ zone: String) throws -> GeoLocation {
    try GeoLocation(latitude: latitude, longitude: longitude, timeZoneIdentifier: zone)
}

/// Noon UTC on a date, a safe instant for asking Foundation's calendars about that day.
func noonUTC(_ date: GregorianDate) -> Date {
    let epoch = GregorianDate(1970, 1, 1)
    return Date(timeIntervalSince1970: Double(epoch.distance(to: date)) * 86_400 + 43_200)
}

extension GregorianDate {
    /// A date known to exist, for test constants.
    init(_ year: Int, _ month: Int, _ day: Int) {
        // The constants in the tests are real dates.
        try! self.init(year: year, month: month, day: day)
    }
}
