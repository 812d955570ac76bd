import Foundation

/// How a program repeats: every so many weeks or months, a number of times, e.g. quarterly
/// for three years.
///
/// Occurrence `k` has the first occurrence's window moved by `k` intervals on the organiser's
/// local calendar (so a series kept at 18:00 in Sderot stays at 18:00 across daylight saving).
/// An occurrence whose usual date is a festival moves within its window; it is never dropped.
public struct Recurrence: Sendable, Hashable {
    /// The step between occurrences.
    public enum Interval: Sendable, Hashable {
        /// Every this many weeks.
        case weeks(Int)
        /// Every this many calendar months.
        case months(Int)
    }

    /// The step between occurrences.
    public var interval: Interval
    /// How many occurrences, the first included.
    public var count: Int

    /// Creates a recurrence.
    public init(every interval: Interval, count: Int) {
        self.interval = interval
        self.count = count
    }

    /// Every three months for a number of years.
    public static func quarterly(years: Int) -> Recurrence {
        Recurrence(every: .months(3), count: 4 * years)
    }

    /// Every month, a number of times.
    public static func monthly(count: Int) -> Recurrence {
        Recurrence(every: .months(1), count: count)
    }

    /// Whether the step and count are positive.
    var isValid: Bool {
        switch interval {
        case .weeks(let weeks): weeks > 0 && count > 0
        case .months(let months): months > 0 && count > 0
        }
    }

    /// The instant `occurrence` intervals after `first` on the local calendar of `timeZone`.
    func shift(_ first: Date, by occurrence: Int, in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let shifted: Date? =
            switch interval {
            case .weeks(let weeks): calendar.date(byAdding: .day, value: 7 * weeks * occurrence, to: first)
            case .months(let months): calendar.date(byAdding: .month, value: months * occurrence, to: first)
            }
        // Foundation answers every Gregorian addition within the supported years.
        return shifted ?? first
    }
}
