/// The local working hours of a day, from `startMinute` (inclusive) to `endMinute` (exclusive),
/// both in minutes after local midnight. An end before the start means the hours run past
/// midnight.
public struct WorkingHours: Hashable, Sendable, CustomStringConvertible {
    public var startMinute: Int
    public var endMinute: Int

    public init(startMinute: Int, endMinute: Int) {
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// Hours given as `from` to `to` o'clock, e.g. `WorkingHours(from: 9, to: 17)`.
    public init(from startHour: Int, to endHour: Int) {
        self.init(startMinute: startHour * 60, endMinute: endHour * 60)
    }

    /// 09:00 to 17:00 local time.
    public static let office = WorkingHours(from: 9, to: 17)

    /// Length of the working day in minutes.
    public var length: Int {
        endMinute > startMinute ? endMinute - startMinute : endMinute + 1440 - startMinute
    }

    /// Whether both ends lie within a day and the hours are not empty.
    public var isValid: Bool {
        (0..<1440).contains(startMinute) && (0..<1440).contains(endMinute)
            && startMinute != endMinute
    }

    public var description: String {
        func clock(_ minute: Int) -> String {
            let hours = minute / 60
            let rest = minute % 60
            return "\(hours < 10 ? "0" : "")\(hours):\(rest < 10 ? "0" : "")\(rest)"
        }
        return "\(clock(startMinute))-\(clock(endMinute))"
    }
}
