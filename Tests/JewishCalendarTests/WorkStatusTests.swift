import Foundation
import JewishCalendar
import Testing

@Suite("Is work forbidden now, and until when")
struct WorkStatusTests {
    @Test("On Shabbat afternoon work is forbidden until havdalah")
    func duringShabbat() throws {
        let calendar = try ReferenceTables.place("jerusalem").calendar
        let status = calendar.workStatus(at: try instant("2025-06-07T14:00:00+03:00"))
        #expect(status.isWorkForbidden)
        #expect(status.until == calendar.havdalah(on: try day(2025, 6, 7)))
    }

    @Test("On a weekday work is permitted until the next candle lighting")
    func onAWeekday() throws {
        let calendar = try ReferenceTables.place("des-moines").calendar
        let status = calendar.workStatus(at: try instant("2025-06-04T09:00:00-05:00"))
        #expect(!status.isWorkForbidden)
        #expect(status.until == calendar.candleLighting(on: try day(2025, 6, 6)))
        guard case .permitted(let next) = status else {
            Issue.record("expected permitted")
            return
        }
        #expect(next.days.map(\.date) == [try day(2025, 6, 7)])
    }

    @Test("Candle lighting is the first forbidden instant and havdalah the first permitted one")
    func boundaries() throws {
        let calendar = try ReferenceTables.place("kyiv").calendar
        let start = calendar.candleLighting(on: try day(2025, 6, 6))
        let end = calendar.havdalah(on: try day(2025, 6, 7))
        #expect(calendar.workStatus(at: start - 1).until == start)
        #expect(calendar.workStatus(at: start).isWorkForbidden)
        #expect(calendar.workStatus(at: end - 1).isWorkForbidden)
        let after = calendar.workStatus(at: end)
        #expect(!after.isWorkForbidden)
        #expect(after.until == calendar.candleLighting(on: try day(2025, 6, 13)))
    }

    @Test("Abroad, Shabbat before Pesach lasts until havdalah after the second day")
    func throughSecondDayOfYomTov() throws {
        let calendar = try ReferenceTables.place("buenos-aires").calendar
        let status = calendar.workStatus(at: try instant("2025-04-12T12:00:00-03:00"))
        #expect(status.until == calendar.havdalah(on: try day(2025, 4, 14)))
        let israel = try ReferenceTables.place("sderot").calendar
        #expect(
            israel.workStatus(at: try instant("2025-04-12T12:00:00+03:00")).until
                == israel.havdalah(on: try day(2025, 4, 13)))
    }

    @Test("The answer agrees with the windows at every hour of 2025 in Kfar Aza and Los Angeles")
    func agreesWithWindows() throws {
        for key in ["kfar-aza", "los-angeles"] {
            let calendar = try ReferenceTables.place(key).calendar
            let start = try instant("2025-01-01T00:00:00Z")
            let windows = try calendar.forbiddenWindows(from: start, to: start + 366 * 86_400)
            for hour in 0..<(365 * 24) {
                let now = start + TimeInterval(hour * 3600)
                let inside = windows.first { $0.contains(now) }
                let status = calendar.workStatus(at: now)
                #expect(status.isWorkForbidden == (inside != nil), "\(key) \(now)")
                if let inside { #expect(status.until == inside.end) }
            }
        }
    }
}
