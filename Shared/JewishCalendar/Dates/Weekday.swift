/// A day of the week, numbered as Foundation's Gregorian calendar numbers them (Sunday is 1).
public enum Weekday: Int, Sendable, Hashable, CaseIterable, Comparable {
    case sunday = 1
    case monday
    case tuesday
    case wednesday
    case thursday
    case friday
    case saturday

    /// The weekday of a day counted from 1 January 1970, which was a Thursday.
    init(daysSince1970 day: Int) {
        // Cases are 1...7 by construction, so the fallback is never taken.
        self = Weekday(rawValue: modulo(day + 4, 7) + 1) ?? .sunday
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// Integer division rounding toward negative infinity.
func floorDivide(_ dividend: Int, _ divisor: Int) -> Int {
    let quotient = dividend / divisor
    return (dividend % divisor != 0 && (dividend < 0) != (divisor < 0)) ? quotient - 1 : quotient
}

/// The remainder that has the sign of the divisor.
func modulo(_ dividend: Int, _ divisor: Int) -> Int {
    let remainder = dividend % divisor
    return remainder < 0 ? remainder + divisor : remainder
}
