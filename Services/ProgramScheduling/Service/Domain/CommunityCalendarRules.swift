import Contracts
import JewishCalendar

/// The calendar rules that follow from where a community is: Israel's or the diaspora's
/// festivals, and when Shabbat starts (candle lighting: 40 minutes before sunset in Jerusalem,
/// 30 in Haifa, 18 elsewhere) and ends (havdalah when the sun is 8.5° below the horizon).
struct CommunityCalendarRules: Sendable {
    let location: GeoLocation
    let candleLighting: CandleLightingPolicy

    /// The rules of a registered community; throws when its location cannot be used by the
    /// calendar (an unknown time zone, coordinates out of range).
    init(_ community: CommunityRegistered) throws {
        location = try GeoLocation(
            latitude: community.coordinates.latitude, longitude: community.coordinates.longitude, timeZoneIdentifier: community.timeZone)
        candleLighting = Self.candleLighting(forCommunityNamed: community.name)
    }

    /// The customs of a community by name; other places keep the standard 18 minutes.
    static func candleLighting(forCommunityNamed name: String) -> CandleLightingPolicy {
        switch name.lowercased() {
        case "jerusalem": .jerusalem
        case "haifa": .haifa
        default: .standard
        }
    }

    /// How far below the horizon the sun is when Shabbat ends.
    var havdalahSunDegrees: Double {
        switch candleLighting.havdalah {
        case .sunBelowHorizon(let degrees): degrees
        case .minutesAfterSunset: 8.5
        }
    }
}
