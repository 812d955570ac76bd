import Foundation

/// A stretch of time in which work is forbidden at a place: from candle lighting on the eve of
/// Shabbat or a festival to havdalah at its end, as the half-open interval `[start, end)`.
///
/// Consecutive forbidden days form one window, so two days of Rosh Hashana followed by Shabbat
/// are a single window.
public struct ForbiddenWindow: Sendable, Hashable {
    /// Candle lighting: the first forbidden instant.
    public let start: Date
    /// Havdalah: the first instant at which work is allowed again.
    public let end: Date
    /// The civil days the window covers, in order.
    public let days: [ForbiddenDay]

    /// The window as a Foundation interval (its `end` is havdalah, which is not forbidden).
    public var interval: DateInterval {
        DateInterval(start: start, end: end)
    }

    /// Whether work is forbidden at `instant`: `start <= instant < end`.
    public func contains(_ instant: Date) -> Bool {
        start <= instant && instant < end
    }

    /// Whether the window shares any instant with `[from, to)`.
    public func overlaps(from: Date, to: Date) -> Bool {
        start < to && from < end
    }
}
