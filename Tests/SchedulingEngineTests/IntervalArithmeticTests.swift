import Foundation
import TestSupport
import Testing

@testable import SchedulingEngine

@Suite("Interval arithmetic and local clocks, against brute force and Foundation")
struct IntervalArithmeticTests {
    /// A random set of spans within `0..<200`.
    static func randomSet(_ random: inout SplitMix64) -> SpanSet {
        SpanSet(
            merging: (0..<Int.random(in: 0...6, using: &random)).map { _ in
                let start = Int.random(in: 0..<190, using: &random)
                return Span(start, start + Int.random(in: 1...25, using: &random))
            })
    }

    static func members(_ set: SpanSet) -> Set<Int> {
        Set(set.spans.flatMap { Array($0.start..<$0.end) })
    }

    @Test("Intersection, merging, difference and fitting agree with sets of instants")
    func operationsMatchBruteForce() {
        var random = SplitMix64(seed: 11)
        for _ in 0..<500 {
            let a = Self.randomSet(&random)
            let b = Self.randomSet(&random)
            #expect(Self.members(a.intersection(b)) == Self.members(a).intersection(Self.members(b)))
            #expect(Self.members(SpanSet(merging: a.spans + b.spans)) == Self.members(a).union(Self.members(b)))
            #expect(Self.members(a.subtracting(b)) == Self.members(a).subtracting(Self.members(b)))
            let length = Int.random(in: 1...12, using: &random)
            let starts = Set(
                (0..<240).filter { start in (start..<start + length).allSatisfy(Self.members(a).contains) })
            #expect(Self.members(a.startsFitting(length)) == starts)
            for spans in [a.intersection(b), SpanSet(merging: a.spans + b.spans), a.subtracting(b)] {
                #expect(zip(spans.spans, spans.spans.dropFirst()).allSatisfy { $0.end < $1.start })
            }
            let probe = Span(Int.random(in: 0..<190, using: &random), 0)
            let span = Span(probe.start, probe.start + length)
            #expect(a.contains(span) == (span.start..<span.end).allSatisfy(Self.members(a).contains))
            #expect(a.overlaps(span) == !(span.start..<span.end).allSatisfy { !Self.members(a).contains($0) })
        }
    }

    @Test(
        "Local clocks agree with Foundation across summer-time changes",
        arguments: [
            "Asia/Jerusalem", "America/Chicago", "Australia/Melbourne", "Europe/London", "America/Sao_Paulo",
            "Asia/Kolkata",
        ])
    func clockMatchesFoundation(zone: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let start = Int(try instant("2025-01-01T00:00:00Z").timeIntervalSince1970)
        let clock = ZoneClock(timeZone, covering: Span(start, start + 3 * 366 * 86_400))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var random = SplitMix64(seed: 5)
        for _ in 0..<2000 {
            let instant = start + Int.random(in: 0..<(3 * 365 * 86_400), using: &random) / 60 * 60
            let date = Date(timeIntervalSince1970: TimeInterval(instant))
            #expect(clock.offset(at: instant) == timeZone.secondsFromGMT(for: date))
            let parts = calendar.dateComponents([.hour, .minute, .weekday], from: date)
            #expect(clock.localMinute(of: instant) == (parts.hour ?? 0) * 60 + (parts.minute ?? 0))
            #expect(weekdayNumber(ofDay: clock.localDay(of: instant)) == parts.weekday)
            let midnight = calendar.startOfDay(for: date)
            #expect(clock.midnight(ofDay: clock.localDay(of: instant)) == Int(midnight.timeIntervalSince1970))
            // In the hour repeated when clocks go back, a local time names its first occurrence.
            let repeated = timeZone.secondsFromGMT(for: date - 3600) > timeZone.secondsFromGMT(for: date)
            if !repeated {
                #expect(clock.instant(ofLocal: clock.local(instant)) == instant)
            }
        }
    }

    @Test("Working hours become the spans Foundation's calendar gives, and hours up to midnight join the next day's")
    func weeklyHoursSpans() throws {
        let timeZone = try #require(TimeZone(identifier: "Asia/Jerusalem"))
        let start = Int(try instant("2026-03-20T00:00:00Z").timeIntervalSince1970)
        let range = Span(start, start + 14 * 86_400)
        let clock = ZoneClock(timeZone, covering: range)
        let hours = WeeklyHours(on: [.sunday, .thursday], .hours(9, 17)).adding(on: [.monday], .hours(20, 24))
            .adding(on: [.tuesday], .hours(0, 2))
        let spans = hours.spans(on: clock, covering: range)
        for span in spans.spans {
            #expect(
                ScheduleChecker.lies(Date(instant: span.start), Date(instant: span.end), within: hours, in: timeZone))
        }
        // Monday 20:00 to Tuesday 02:00 is one span of six hours.
        #expect(spans.spans.contains { $0.length == 6 * 3600 })
        // The change to summer time on Friday 27 March 2026: Sunday's hours are 06:00 to 14:00 UTC.
        let sunday = Span(
            Int(try instant("2026-03-29T06:00:00Z").timeIntervalSince1970),
            Int(try instant("2026-03-29T14:00:00Z").timeIntervalSince1970))
        #expect(spans.contains(sunday))
    }
}
