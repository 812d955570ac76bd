import JewishCalendar

/// Where someone or something is, as scheduling needs it: a name for explanations, coordinates
/// and a time zone for local hours, Shabbat and festivals, and the local candle-lighting custom.
///
/// A place is plain data; `SchedulingProblem` checks it (coordinates in range, a time zone that
/// exists) and names its owner when it is wrong.
public struct Place: Sendable, Hashable {
    /// The name used in explanations and calendars, e.g. "Sderot" or "Des Moines".
    public var name: String
    /// Degrees north (negative: south).
    public var latitude: Double
    /// Degrees east (negative: west).
    public var longitude: Double
    /// Metres above sea level.
    public var elevation: Double
    /// The IANA time zone, e.g. "Australia/Melbourne".
    public var timeZoneIdentifier: String
    /// Israel's or the diaspora's festivals; `nil` derives it from the time zone.
    public var festivalSchedule: HolidaySchedule?
    /// When Shabbat and festivals begin and end here.
    public var candleLighting: CandleLightingPolicy

    /// Creates a place.
    public init(
        name: String, latitude: Double, longitude: Double, elevation: Double = 0,
        timeZoneIdentifier: String, festivalSchedule: HolidaySchedule? = nil,
        candleLighting: CandleLightingPolicy = .standard
    ) {
        self.name = name
        self.latitude = latitude
        self.longitude = longitude
        self.elevation = elevation
        self.timeZoneIdentifier = timeZoneIdentifier
        self.festivalSchedule = festivalSchedule
        self.candleLighting = candleLighting
    }

    /// The calendar of Shabbat and festivals here.
    /// - Throws: `CalendarError` for coordinates out of range or an unknown time zone.
    func observanceCalendar() throws -> ObservanceCalendar {
        let location = try GeoLocation(
            latitude: latitude, longitude: longitude, elevation: elevation,
            timeZoneIdentifier: timeZoneIdentifier, schedule: festivalSchedule)
        return ObservanceCalendar(location: location, policy: candleLighting)
    }
}
