import JewishCalendar

/// Hours of the week in local clock time: when someone can be asked to meet, finds it
/// comfortable, or when a venue is open.
///
/// Ranges that meet at midnight join, so an evening until 24:00 and a night from 00:00 form one
/// stretch.
public struct WeeklyHours: Sendable, Hashable, CustomStringConvertible {
    /// The ranges of each weekday, sorted, indexed by `Weekday.rawValue - 1` (Sunday first).
    public let days: [[LocalTimeRange]]

    /// The same ranges on the given weekdays and none on the others.
    public init(on weekdays: [Weekday], _ ranges: LocalTimeRange...) {
        var days = [[LocalTimeRange]](repeating: [], count: 7)
        for weekday in weekdays {
            days[weekday.rawValue - 1] = ranges.sorted()
        }
        self.days = days
    }

    private init(days: [[LocalTimeRange]]) {
        self.days = days
    }

    /// The same ranges every day of the week.
    public static func daily(_ ranges: LocalTimeRange...) -> WeeklyHours {
        WeeklyHours(days: Array(repeating: ranges.sorted(), count: 7))
    }

    /// Every hour of every day.
    public static let always = WeeklyHours.daily(LocalTimeRange(startMinute: 0, endMinute: 1440))

    /// These hours together with more ranges on some weekdays.
    public func adding(on weekdays: [Weekday], _ ranges: LocalTimeRange...) -> WeeklyHours {
        var days = days
        for weekday in weekdays {
            days[weekday.rawValue - 1] = (days[weekday.rawValue - 1] + ranges).sorted()
        }
        return WeeklyHours(days: days)
    }

    /// The ranges on a weekday, sorted.
    public func ranges(on weekday: Weekday) -> [LocalTimeRange] {
        days[weekday.rawValue - 1]
    }

    /// The first range that is empty or runs outside its day, if any.
    var firstInvalidRange: (Weekday, LocalTimeRange)? {
        for weekday in Weekday.allCases {
            if let range = ranges(on: weekday).first(where: { !$0.isValid }) {
                return (weekday, range)
            }
        }
        return nil
    }

    /// `Sun 08:00–18:00; Mon 08:00–18:00, ...`, days without hours left out.
    public var description: String {
        Weekday.allCases.compactMap { weekday in
            let ranges = ranges(on: weekday)
            guard !ranges.isEmpty else { return nil }
            return "\(weekday.shortName) " + ranges.map(\.description).joined(separator: ", ")
        }.joined(separator: "; ")
    }
}
