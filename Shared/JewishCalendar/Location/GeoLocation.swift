import Foundation

/// A place on Earth as the calendar needs it: coordinates, elevation, time zone, and whether it
/// keeps Israel's festival schedule or the diaspora's.
public struct GeoLocation: Sendable, Hashable {
    /// Degrees north (negative: south), -90...90.
    public let latitude: Double
    /// Degrees east (negative: west), -180...180.
    public let longitude: Double
    /// Metres above sea level. Only `SolarCalculator`'s elevation-adjusted sunrise and sunset
    /// use it; candle lighting and havdalah follow the sea-level horizon, as is customary.
    public let elevation: Double
    /// The IANA time zone, which decides what the local civil day is.
    public let timeZone: TimeZone
    /// The festival schedule the place keeps.
    public let schedule: HolidaySchedule

    /// Time zone identifiers that imply Israel's festival schedule when none is given.
    public static let israelTimeZoneIdentifiers: Set<String> = ["Asia/Jerusalem", "Asia/Tel_Aviv", "Israel"]

    /// Creates a location, checking every value.
    /// - Parameters:
    ///   - latitude: Degrees north, -90...90.
    ///   - longitude: Degrees east, -180...180.
    ///   - elevation: Metres above sea level, -500...9000 (default 0). Below sea level the
    ///     horizon is taken at sea level.
    ///   - timeZoneIdentifier: An IANA identifier such as "America/Chicago".
    ///   - schedule: Israel's or the diaspora's festivals. When `nil`, Israel's for the time
    ///     zones in `israelTimeZoneIdentifiers` and the diaspora's everywhere else.
    /// - Throws: `CalendarError` naming the value that is out of range or the unknown time zone.
    public init(
        latitude: Double, longitude: Double, elevation: Double = 0,
        timeZoneIdentifier: String, schedule: HolidaySchedule? = nil
    ) throws {
        guard latitude.isFinite, (-90...90).contains(latitude) else {
            throw CalendarError(.invalidLatitude, "latitude \(latitude) is outside -90...90 degrees")
        }
        guard longitude.isFinite, (-180...180).contains(longitude) else {
            throw CalendarError(.invalidLongitude, "longitude \(longitude) is outside -180...180 degrees")
        }
        guard elevation.isFinite, (-500...9000).contains(elevation) else {
            throw CalendarError(.invalidElevation, "elevation \(elevation) m is outside -500...9000 m")
        }
        guard let timeZone = TimeZone(identifier: timeZoneIdentifier) else {
            throw CalendarError(
                .unknownTimeZone, "time zone \"\(timeZoneIdentifier)\" is not in the IANA time zone database")
        }
        self.latitude = latitude
        self.longitude = longitude
        self.elevation = elevation
        self.timeZone = timeZone
        self.schedule =
            schedule ?? (Self.israelTimeZoneIdentifiers.contains(timeZoneIdentifier) ? .israel : .diaspora)
    }

    /// The IANA identifier of the time zone.
    public var timeZoneIdentifier: String {
        timeZone.identifier
    }

    /// The local civil date of an instant here.
    public func localDate(of instant: Date) -> GregorianDate {
        GregorianDate(containing: instant, in: timeZone)
    }
}
