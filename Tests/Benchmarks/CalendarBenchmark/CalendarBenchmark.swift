import Foundation
import JewishCalendar

/// Times the calendar's hot paths: forbidden-work windows for every community over a year,
/// "is work forbidden now" for notifications, and the next common free interval for a joint
/// meeting across six countries. Run with `swift run -c release calendar-benchmark`.
@main
struct CalendarBenchmark {
    static func main() throws {
        let communities = try BenchmarkCommunities.make(count: 550)
        let year = try instant("2026-01-01T00:00:00Z")..<instant("2027-01-01T00:00:00Z")
        print(
            "JewishCalendar benchmark: \(communities.count) communities, year \(year.lowerBound) to \(year.upperBound)")
        try BenchmarkRuns.sunsetBaseline(communities, year)
        try BenchmarkRuns.windowsForEveryCommunity(communities, year)
        try BenchmarkRuns.workStatus(communities, year)
        try BenchmarkRuns.jointMeeting(year)
        print("peak resident memory: \(peakResidentMegabytes()) MB")
    }
}
