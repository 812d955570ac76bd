import Foundation

/// A location's offset from UTC, in minutes east of Greenwich, on the date being planned for.
///
/// The engine never reads the clock: the caller passes the offset that holds on the reference
/// date (Israel is +180 in summer and +120 in winter), or a time zone and a reference instant.
public struct UTCOffset: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Minutes east of UTC; Israel in summer is `180`, New York in winter is `-300`.
    public var minutes: Int

    /// The widest offsets in use are UTC-12:00 and UTC+14:00.
    public static let validMinutes = -12 * 60...14 * 60

    public init(minutes: Int) {
        self.minutes = minutes
    }

    public init(hours: Int, minutes: Int = 0) {
        self.minutes = hours * 60 + (hours < 0 ? -minutes : minutes)
    }

    /// The offset of `timeZone` at `instant`. The instant is an input so that the result does not
    /// depend on when the code runs.
    public init(timeZone: TimeZone, at instant: Date) {
        self.minutes = timeZone.secondsFromGMT(for: instant) / 60
    }

    public static let utc = UTCOffset(minutes: 0)

    public static func < (lhs: UTCOffset, rhs: UTCOffset) -> Bool {
        lhs.minutes < rhs.minutes
    }

    public var description: String {
        let sign = minutes < 0 ? "-" : "+"
        let magnitude = abs(minutes)
        let hours = magnitude / 60
        let rest = magnitude % 60
        return "UTC\(sign)\(hours < 10 ? "0" : "")\(hours):\(rest < 10 ? "0" : "")\(rest)"
    }
}
