import Foundation
import JewishCalendar
import SchedulingEngine

/// Where a participant or venue is, for the engine: a community's location from the registry
/// when it is known, otherwise an approximation from the time zone alone.
enum SchedulingPlace {
    /// A community's place, with its candle-lighting custom (minutes before sunset).
    static func community(name: String, latitude: Double, longitude: Double, timeZone: String, candleLightingMinutes: Int) -> Place {
        let policy: CandleLightingPolicy =
            switch candleLightingMinutes {
            case 40: .jerusalem
            case 30: .haifa
            default: .standard
            }
        return Place(
            name: name, latitude: latitude, longitude: longitude, timeZoneIdentifier: timeZone, candleLighting: policy)
    }

    /// A place for someone whose community the service does not know: Jerusalem for Israel's
    /// zone, otherwise the zone's city at the longitude of its standard offset and a middle
    /// latitude, so that sunset (and so Shabbat) is near the truth for the zone's people.
    static func approximate(timeZone: String) -> Place {
        if timeZone == "Asia/Jerusalem" || timeZone == "Asia/Tel_Aviv" {
            return Place(
                name: "Jerusalem", latitude: 31.778, longitude: 35.235, timeZoneIdentifier: "Asia/Jerusalem", candleLighting: .jerusalem)
        }
        let zone = TimeZone(identifier: timeZone) ?? .gmt
        let standardOffset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: 1_767_225_600))
        let longitude = max(-179.9, min(179.9, Double(standardOffset) / 240))
        let city = timeZone.split(separator: "/").last.map { $0.replacingOccurrences(of: "_", with: " ") } ?? timeZone
        let southern = [
            "Australia/", "Pacific/Auckland", "America/Argentina", "America/Sao_Paulo", "Africa/Johannesburg", "America/Santiago",
        ]
        .contains { timeZone.hasPrefix($0) }
        return Place(name: city, latitude: southern ? -35 : 40, longitude: longitude, timeZoneIdentifier: zone.identifier)
    }

    /// The working week where a participant lives: Sunday to Thursday in Israel, Monday to
    /// Friday elsewhere, 07:00 to 22:00 local time unless they said otherwise.
    static func defaultWorkingDays(timeZone: String) -> [Weekday] {
        timeZone == "Asia/Jerusalem" || timeZone == "Asia/Tel_Aviv"
            ? [.sunday, .monday, .tuesday, .wednesday, .thursday] : [.monday, .tuesday, .wednesday, .thursday, .friday]
    }

    static let defaultWorkingMinutes = (from: 7 * 60, to: 22 * 60)
}
