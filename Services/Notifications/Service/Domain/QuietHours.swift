import Foundation

/// The hours of the night in which a recipient gets no routine message, in their own time
/// zone: from `start` to `end` minutes after local midnight, across midnight when `start` is
/// later than `end` (the default, 21:00 to 08:00).
struct QuietHours: Sendable, Equatable {
    var start: Int
    var end: Int

    static let standard = QuietHours(start: 21 * 60, end: 8 * 60)

    /// None at all.
    var isEmpty: Bool { start == end }

    /// The end of the quiet hours that hold `instant` in `zone`, or nil when `instant` is not in them.
    func end(ofQuietHoursAt instant: Date, in zone: TimeZone) -> Date? {
        guard !isEmpty else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        let minute = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        let quiet = start < end ? (minute >= start && minute < end) : (minute >= start || minute < end)
        guard quiet else { return nil }
        // The next local `end` o'clock after the instant.
        let endParts = DateComponents(hour: end / 60, minute: end % 60, second: 0)
        return calendar.nextDate(after: instant, matching: endParts, matchingPolicy: .nextTime)
    }
}
