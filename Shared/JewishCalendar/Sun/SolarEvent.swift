import Foundation

/// When the sun crosses an altitude on a given day, or why it does not.
///
/// Near the poles the sun can stay above the horizon all day (midnight sun) or below it (polar
/// night), and at mid-high latitudes in summer it may never get 8.5 degrees below the horizon.
/// Those days have no time, and say so instead of giving a meaningless one.
public enum SolarEvent: Sendable, Hashable {
    /// The sun crosses the altitude at this instant.
    case at(Date)
    /// The sun stays above the altitude all day, so it does not cross it.
    case sunStaysAbove
    /// The sun stays below the altitude all day, so it does not cross it.
    case sunStaysBelow

    /// The instant, when there is one.
    public var date: Date? {
        if case .at(let date) = self { return date }
        return nil
    }
}
