import Foundation

/// The local clock of one time zone over a range of instants: its UTC offsets and the instants
/// at which they change, read once from Foundation, so that converting between local and
/// absolute time is a binary search instead of a time zone database lookup.
struct ZoneClock: Sendable {
    let timeZone: TimeZone
    /// Instants at which the offset changes, in order.
    private let transitions: [Int]
    /// `offsets[i]` holds before `transitions[i]` and from `transitions[i - 1]`; one more
    /// entry than `transitions`.
    private let offsets: [Int]
    private let covered: Span

    /// Reads the offsets of `timeZone` in `range`; outside it the clock asks Foundation.
    init(_ timeZone: TimeZone, covering range: Span) {
        self.timeZone = timeZone
        covered = range
        var transitions: [Int] = []
        var offsets = [timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(range.start)))]
        var cursor = Date(timeIntervalSince1970: TimeInterval(range.start))
        while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor),
            next.timeIntervalSince1970 < TimeInterval(range.end)
        {
            let instant = Int(next.timeIntervalSince1970.rounded())
            let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
            if offset != offsets[offsets.count - 1] {
                transitions.append(instant)
                offsets.append(offset)
            }
            cursor = next
        }
        self.transitions = transitions
        self.offsets = offsets
    }

    var identifier: String {
        timeZone.identifier
    }

    /// Seconds east of UTC at `instant`.
    func offset(at instant: Int) -> Int {
        guard covered.contains(instant) else {
            return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
        }
        var low = 0
        var high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if transitions[middle] <= instant { low = middle + 1 } else { high = middle }
        }
        return offsets[low]
    }

    /// The local wall-clock time of `instant`, as seconds since 1970 on a clock without zone.
    func local(_ instant: Int) -> Int {
        instant + offset(at: instant)
    }

    /// The local civil day of `instant`, counted from 1 January 1970.
    func localDay(of instant: Int) -> Int {
        floorDivide(local(instant), 86_400)
    }

    /// Minutes after local midnight at `instant`.
    func localMinute(of instant: Int) -> Int {
        (local(instant) - localDay(of: instant) * 86_400) / 60
    }

    /// The instant at which local clocks show `local`. A time skipped by a change to summer time
    /// is read with the offset before the change, as Foundation does (02:30 becomes 03:30); a
    /// time that occurs twice is its first occurrence.
    func instant(ofLocal local: Int) -> Int {
        let before = offset(at: local - 14 * 3600)
        let after = offset(at: local + 12 * 3600)
        var consistent: [Int] = []
        for candidate in [local - before, local - after] where offset(at: candidate) == local - candidate {
            consistent.append(candidate)
        }
        if let first = consistent.min() {
            return first
        }
        return max(local - before, local - after)
    }

    /// The instant of local midnight at the start of a local day.
    func midnight(ofDay day: Int) -> Int {
        instant(ofLocal: day * 86_400)
    }
}
