import Foundation
import JewishCalendar
import TestSupport

/// The measured scenarios. Each prints its figures; checksums keep the optimiser from
/// discarding the work and let two runs be compared.
enum BenchmarkRuns {
    /// Baseline: one NOAA sunset per community and day, the least any window computation costs.
    static func sunsetBaseline(_ communities: [ObservanceCalendar], _ year: Range<Date>) throws {
        let first = communities[0].location.localDate(of: year.lowerBound)
        let days = Array(first..<first.adding(days: 365))
        var checksum = 0.0
        let elapsed = ContinuousClock().measure {
            for community in communities {
                for day in days {
                    checksum += SolarCalculator.sunset(on: day, at: community.location).date?.timeIntervalSince1970 ?? 0
                }
            }
        }
        let count = communities.count * days.count
        print("")
        print("baseline: NOAA sunset, \(communities.count) communities x 365 days = \(count) sunsets")
        print("  total \(format(elapsed)), per sunset \(format(elapsed / count))  [checksum \(Int(checksum) % 1000)]")
    }

    /// Forbidden-work windows for every community over the whole year, one call per community.
    static func windowsForEveryCommunity(_ communities: [ObservanceCalendar], _ year: Range<Date>) throws {
        var durations: [Duration] = []
        var windowCount = 0
        let clock = ContinuousClock()
        let total = try clock.measure {
            for community in communities {
                let start = clock.now
                windowCount += try community.forbiddenWindows(from: year.lowerBound, to: year.upperBound).count
                durations.append(clock.now - start)
            }
        }
        print("")
        print("windows for a whole year, \(communities.count) communities: \(windowCount) windows")
        print("  total \(format(total)), \(summary(durations)) per community")
    }

    /// "Is work forbidden now, and until when" at a random community and instant, as the
    /// notifications service asks before sending a routine message.
    static func workStatus(_ communities: [ObservanceCalendar], _ year: Range<Date>) throws {
        var random = SplitMix64(seed: 2026)
        let span = UInt64(year.upperBound.timeIntervalSince(year.lowerBound))
        var durations: [Duration] = []
        var forbidden = 0
        let clock = ContinuousClock()
        let queries = 100_000
        let total = clock.measure {
            for _ in 0..<queries {
                let community = communities[Int(random.next() % UInt64(communities.count))]
                let now = year.lowerBound + TimeInterval(random.next() % span)
                let start = clock.now
                if community.workStatus(at: now).isWorkForbidden { forbidden += 1 }
                durations.append(clock.now - start)
            }
        }
        print("")
        print("work status at a random community and instant: \(queries) queries, \(forbidden) forbidden")
        print("  total \(format(total)), \(summary(durations)) per query")
    }

    /// The next common free interval for a six-country steering-committee meeting, from many
    /// starting instants through the year, for one-hour to three-day meetings.
    static func jointMeeting(_ year: Range<Date>) throws {
        let places: [(Double, Double, String)] = [
            (41.59, -93.62, "America/Chicago"), (32.92, 35.08, "Asia/Jerusalem"),
            (34.05, -118.24, "America/Los_Angeles"),
            (50.45, 30.52, "Europe/Kyiv"), (-37.81, 144.96, "Australia/Melbourne"),
            (-34.60, -58.38, "America/Argentina/Buenos_Aires"),
        ]
        let calendars = try places.map { latitude, longitude, zone in
            ObservanceCalendar(
                location: try GeoLocation(latitude: latitude, longitude: longitude, timeZoneIdentifier: zone))
        }
        print("")
        print(
            "next common free interval, 6 locations (Des Moines, Western Galilee, Los Angeles, Kyiv, Melbourne, Buenos Aires)"
        )
        let clock = ContinuousClock()
        for (label, duration) in [("1 hour", 3600.0), ("2 hours", 7200.0), ("3 days", 3 * 86_400.0)] {
            var random = SplitMix64(seed: 6)
            let span = UInt64(year.upperBound.timeIntervalSince(year.lowerBound))
            var durations: [Duration] = []
            var waited: TimeInterval = 0
            let queries = 10_000
            let total = try clock.measure {
                for _ in 0..<queries {
                    let from = year.lowerBound + TimeInterval(random.next() % span)
                    let start = clock.now
                    let slot = try ObservanceCalendar.nextCommonFreeInterval(
                        lasting: duration, from: from, at: calendars)
                    durations.append(clock.now - start)
                    waited += (slot?.start.timeIntervalSince(from) ?? 0)
                }
            }
            print(
                "  \(label): \(queries) queries, total \(format(total)), \(summary(durations)) per query; mean wait until the slot \(String(format: "%.1f", waited / Double(queries) / 3600)) h"
            )
        }
    }

    // MARK: - Figures

    static func summary(_ durations: [Duration]) -> String {
        let sorted = durations.sorted()
        guard let maximum = sorted.last else { return "no samples" }
        let total = sorted.reduce(Duration.zero, +)
        func percentile(_ p: Double) -> Duration { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        return
            "mean \(format(total / sorted.count)), p50 \(format(percentile(0.5))), p99 \(format(percentile(0.99))), max \(format(maximum))"
    }

    static func format(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        switch seconds {
        case ..<1e-3: return String(format: "%.1f µs", seconds * 1e6)
        case ..<1: return String(format: "%.2f ms", seconds * 1e3)
        default: return String(format: "%.2f s", seconds)
        }
    }
}

/// Peak resident set size of this process, from getrusage (kilobytes on Linux).
func peakResidentMegabytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss / 1024
}
