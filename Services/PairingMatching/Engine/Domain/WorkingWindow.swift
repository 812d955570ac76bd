/// The minutes of the UTC day during which someone is at work: a set of minutes on the 24-hour
/// circle, so that hours that cross midnight in UTC (Melbourne, Los Angeles) intersect correctly.
struct WorkingWindow: Hashable, Sendable {
    private static let wordCount = (1440 + 63) / 64
    private var words: [UInt64]

    /// The UTC minutes covered by `hours` kept at a place `offset` from UTC.
    init(hours: WorkingHours, offset: UTCOffset) {
        self.words = Array(repeating: 0, count: Self.wordCount)
        let start = hours.startMinute - offset.minutes
        for step in 0..<hours.length {
            insert(Self.normalized(start + step))
        }
    }

    /// Minutes in the window.
    var minuteCount: Int {
        words.reduce(0) { $0 + $1.nonzeroBitCount }
    }

    func intersection(_ other: WorkingWindow) -> WorkingWindow {
        var result = self
        for index in result.words.indices {
            result.words[index] &= other.words[index]
        }
        return result
    }

    private mutating func insert(_ minute: Int) {
        words[minute >> 6] |= 1 << UInt64(minute & 63)
    }

    private static func normalized(_ minute: Int) -> Int {
        let remainder = minute % 1440
        return remainder < 0 ? remainder + 1440 : remainder
    }
}
