/// Integer division rounding toward negative infinity.
func floorDivide(_ dividend: Int, _ divisor: Int) -> Int {
    let quotient = dividend / divisor
    return (dividend % divisor != 0 && (dividend < 0) != (divisor < 0)) ? quotient - 1 : quotient
}

/// The weekday of a day counted from 1 January 1970, a Thursday; Sunday is 1 as in `Weekday`.
func weekdayNumber(ofDay day: Int) -> Int {
    let remainder = (day + 4) % 7
    return (remainder < 0 ? remainder + 7 : remainder) + 1
}
