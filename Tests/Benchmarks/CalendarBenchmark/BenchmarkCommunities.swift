import Foundation
import JewishCalendar

/// A synthetic but realistic set of communities: cities where Partnership2Gether has
/// communities, each repeated with small deterministic offsets to reach the requested count.
enum BenchmarkCommunities {
    private struct City {
        let latitude: Double
        let longitude: Double
        let zone: String
        let policy: CandleLightingPolicy
    }

    private static let cities: [City] = [
        City(latitude: 31.77, longitude: 35.21, zone: "Asia/Jerusalem", policy: .jerusalem),
        City(latitude: 32.79, longitude: 34.99, zone: "Asia/Jerusalem", policy: .haifa),
        City(latitude: 32.09, longitude: 34.78, zone: "Asia/Jerusalem", policy: .standard),
        City(latitude: 31.52, longitude: 34.60, zone: "Asia/Jerusalem", policy: .standard),
        City(latitude: 33.01, longitude: 35.10, zone: "Asia/Jerusalem", policy: .standard),
        City(latitude: 29.56, longitude: 34.95, zone: "Asia/Jerusalem", policy: .standard),
        City(latitude: 41.59, longitude: -93.62, zone: "America/Chicago", policy: .standard),
        City(latitude: 29.95, longitude: -90.07, zone: "America/Chicago", policy: .standard),
        City(latitude: 40.71, longitude: -74.01, zone: "America/New_York", policy: .standard),
        City(latitude: 42.36, longitude: -71.06, zone: "America/New_York", policy: .standard),
        City(latitude: 34.05, longitude: -118.24, zone: "America/Los_Angeles", policy: .standard),
        City(latitude: 47.61, longitude: -122.33, zone: "America/Los_Angeles", policy: .standard),
        City(latitude: 39.74, longitude: -104.99, zone: "America/Denver", policy: .standard),
        City(latitude: 25.76, longitude: -80.19, zone: "America/New_York", policy: .standard),
        City(latitude: 43.65, longitude: -79.38, zone: "America/Toronto", policy: .standard),
        City(latitude: 45.50, longitude: -73.57, zone: "America/Toronto", policy: .standard),
        City(latitude: 51.51, longitude: -0.13, zone: "Europe/London", policy: .standard),
        City(latitude: 53.48, longitude: -2.24, zone: "Europe/London", policy: .standard),
        City(latitude: 48.86, longitude: 2.35, zone: "Europe/Paris", policy: .standard),
        City(latitude: 45.76, longitude: 4.84, zone: "Europe/Paris", policy: .standard),
        City(latitude: 50.45, longitude: 30.52, zone: "Europe/Kyiv", policy: .standard),
        City(latitude: 46.48, longitude: 30.72, zone: "Europe/Kyiv", policy: .standard),
        City(latitude: 52.52, longitude: 13.40, zone: "Europe/Berlin", policy: .standard),
        City(latitude: 55.68, longitude: 12.57, zone: "Europe/Copenhagen", policy: .standard),
        City(latitude: -34.60, longitude: -58.38, zone: "America/Argentina/Buenos_Aires", policy: .standard),
        City(latitude: -23.55, longitude: -46.63, zone: "America/Sao_Paulo", policy: .standard),
        City(latitude: -37.81, longitude: 144.96, zone: "Australia/Melbourne", policy: .standard),
        City(latitude: -33.87, longitude: 151.21, zone: "Australia/Sydney", policy: .standard),
        City(latitude: -26.20, longitude: 28.05, zone: "Africa/Johannesburg", policy: .standard),
        City(latitude: 69.65, longitude: 18.96, zone: "Europe/Oslo", policy: .standard),
    ]

    static func make(count: Int) throws -> [ObservanceCalendar] {
        let fixedHavdalah = try CandleLightingPolicy(minutesBeforeSunset: 18, havdalah: .minutesAfterSunset(72))
        return try (0..<count).map { index in
            let city = cities[index % cities.count]
            // Spread repeats over about 30 km around the city centre.
            let offset = Double(index / cities.count)
            let location = try GeoLocation(
                latitude: city.latitude + 0.013 * offset.truncatingRemainder(dividingBy: 7) - 0.04,
                longitude: city.longitude + 0.017 * offset.truncatingRemainder(dividingBy: 5) - 0.03,
                timeZoneIdentifier: city.zone)
            let policy = index % 11 == 10 && location.schedule == .diaspora ? fixedHavdalah : city.policy
            return ObservanceCalendar(location: location, policy: policy)
        }
    }
}

func instant(_ text: String) throws -> Date {
    guard let date = ISO8601DateFormatter().date(from: text) else {
        throw BenchmarkError(description: "bad instant \(text)")
    }
    return date
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
}
