import Foundation
import JewishCalendar

/// When a notification may go to a recipient: never from candle lighting to havdalah of
/// Shabbat or a festival at their place, and, unless it is critical, not in their quiet hours.
/// Pure: the instant to start from is given.
struct SendWindow: Sendable {
    var calendar: ObservanceCalendar
    var timeZone: TimeZone
    var quietHours: QuietHours
    var critical: Bool

    /// The earliest instant at or after `now` at which the notification may go.
    func earliest(from now: Date) -> Date {
        var candidate = now
        // Each step moves past a hold; a week has one Shabbat, so a handful of steps settles it.
        for _ in 0..<16 {
            if case .forbidden(let window) = calendar.workStatus(at: candidate) {
                candidate = window.end
                continue
            }
            if !critical, let end = quietHours.end(ofQuietHoursAt: candidate, in: timeZone) {
                candidate = end
                continue
            }
            return candidate
        }
        return candidate
    }
}
