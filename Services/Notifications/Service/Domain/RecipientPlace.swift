import Foundation
import JewishCalendar

/// Where a recipient keeps Shabbat: their home community's coordinates when the service knows
/// them, otherwise a representative city of their time zone.
enum RecipientPlace {
    /// Cities standing for the time zones p2g's people live in.
    static let representatives: [String: (latitude: Double, longitude: Double)] = [
        "Asia/Jerusalem": (31.7683, 35.2137), "Asia/Tel_Aviv": (32.0853, 34.7818), "Israel": (31.7683, 35.2137),
        "America/Los_Angeles": (34.0522, -118.2437), "America/New_York": (40.7128, -74.0060),
        "America/Chicago": (41.8781, -87.6298), "America/Denver": (39.7392, -104.9903),
        "America/Toronto": (43.6532, -79.3832), "America/Argentina/Buenos_Aires": (-34.6037, -58.3816),
        "America/Sao_Paulo": (-23.5505, -46.6333), "America/Mexico_City": (19.4326, -99.1332),
        "Europe/London": (51.5072, -0.1276), "Europe/Paris": (48.8566, 2.3522), "Europe/Berlin": (52.52, 13.405),
        "Europe/Budapest": (47.4979, 19.0402), "Europe/Kyiv": (50.4501, 30.5234), "Europe/Kiev": (50.4501, 30.5234),
        "Europe/Moscow": (55.7558, 37.6173), "Europe/Madrid": (40.4168, -3.7038), "Europe/Rome": (41.9028, 12.4964),
        "Europe/Prague": (50.0755, 14.4378), "Europe/Amsterdam": (52.3676, 4.9041),
        "Australia/Melbourne": (-37.8136, 144.9631), "Australia/Sydney": (-33.8688, 151.2093),
        "Australia/Perth": (-31.9505, 115.8605), "Africa/Johannesburg": (-26.2041, 28.0473),
    ]

    /// The recipient's observance calendar: at `coordinates` when known, else at their time
    /// zone's representative city; nil when neither is known (then no hold can be computed, and
    /// the message is held as if in Jerusalem, the most cautious answer for an unknown place).
    static func calendar(timeZone: String, coordinates: (latitude: Double, longitude: Double)?) -> ObservanceCalendar {
        let zone = TimeZone(identifier: timeZone) == nil ? "Asia/Jerusalem" : timeZone
        let place = coordinates ?? representatives[zone] ?? representatives["Asia/Jerusalem"] ?? (31.7683, 35.2137)
        let location =
            (try? GeoLocation(latitude: place.latitude, longitude: place.longitude, timeZoneIdentifier: zone))
            ?? (try? GeoLocation(latitude: 31.7683, longitude: 35.2137, timeZoneIdentifier: "Asia/Jerusalem"))
        guard let location else { preconditionFailure("Jerusalem is a valid location") }
        let policy: CandleLightingPolicy = zone == "Asia/Jerusalem" && coordinates == nil ? .jerusalem : .standard
        return ObservanceCalendar(location: location, policy: policy)
    }
}
