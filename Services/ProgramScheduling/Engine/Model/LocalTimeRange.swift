/// A stretch of local clock time within one day, `[start, end)` in minutes after midnight;
/// an end of 1440 is midnight at the end of the day.
public struct LocalTimeRange: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Minutes after local midnight at which the range begins, 0...1439.
    public let startMinute: Int
    /// Minutes after local midnight at which the range ends, 1...1440, after `startMinute`.
    public let endMinute: Int

    /// Creates a range of minutes; `SchedulingProblem` rejects one that is empty or outside the day.
    public init(startMinute: Int, endMinute: Int) {
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// Whole hours, e.g. `.hours(8, 18)` for 08:00 to 18:00.
    public static func hours(_ start: Int, _ end: Int) -> LocalTimeRange {
        LocalTimeRange(startMinute: start * 60, endMinute: end * 60)
    }

    /// Whether the range lies within one day and is not empty.
    var isValid: Bool {
        0 <= startMinute && startMinute < endMinute && endMinute <= 1440
    }

    public static func < (lhs: LocalTimeRange, rhs: LocalTimeRange) -> Bool {
        (lhs.startMinute, lhs.endMinute) < (rhs.startMinute, rhs.endMinute)
    }

    /// `08:00–18:00`.
    public var description: String {
        "\(Self.clock(startMinute))–\(Self.clock(endMinute))"
    }

    static func clock(_ minute: Int) -> String {
        let hours = minute / 60
        let minutes = minute % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
    }
}
