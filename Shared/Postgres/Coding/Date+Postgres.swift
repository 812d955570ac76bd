import Foundation

/// `timestamp with time zone` (and `timestamp`, read as UTC), to the microsecond.
///
/// Sessions run with `TimeZone = 'UTC'` and `DateStyle = 'ISO'`, so the server's text form is
/// `2024-05-23 10:00:00.123456+00`; `infinity` and `-infinity` map to `Date.distantFuture`
/// and `Date.distantPast`.
extension Date: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .timestamptz }

    public func encodePostgresText(into buffer: inout [UInt8]) -> Bool {
        if self >= .distantFuture {
            buffer.append(contentsOf: "infinity".utf8)
            return true
        }
        if self <= .distantPast {
            buffer.append(contentsOf: "-infinity".utf8)
            return true
        }
        let microseconds = Int64((timeIntervalSince1970 * 1_000_000).rounded())
        let (days, microsecondOfDay) = floorDivide(microseconds, 86_400_000_000)
        let (year, month, day) = civilDate(fromDaysSince1970: days)
        let second = microsecondOfDay / 1_000_000
        // ISO years 0, -1, ... are 1 BC, 2 BC, ... in PostgreSQL's notation.
        appendPadded(year <= 0 ? 1 - year : year, width: 4, to: &buffer)
        buffer.append(UInt8(ascii: "-"))
        appendPadded(month, width: 2, to: &buffer)
        buffer.append(UInt8(ascii: "-"))
        appendPadded(day, width: 2, to: &buffer)
        buffer.append(UInt8(ascii: " "))
        appendPadded(second / 3600, width: 2, to: &buffer)
        buffer.append(UInt8(ascii: ":"))
        appendPadded(second / 60 % 60, width: 2, to: &buffer)
        buffer.append(UInt8(ascii: ":"))
        appendPadded(second % 60, width: 2, to: &buffer)
        buffer.append(UInt8(ascii: "."))
        appendPadded(microsecondOfDay % 1_000_000, width: 6, to: &buffer)
        buffer.append(contentsOf: "+00".utf8)
        if year <= 0 { buffer.append(contentsOf: " BC".utf8) }
        return true
    }

    public static func decode(postgresText text: UnsafeBufferPointer<UInt8>, type: PostgresDataType) throws -> Date {
        guard type == .timestamptz || type == .timestamp else { throw PostgresDecodingFailure.typeMismatch(type, Date.self) }
        guard let date = parseTimestamp(text) else { throw PostgresDecodingFailure.malformed(text, Date.self) }
        return date
    }
}

/// Appends a non-negative number with leading zeros up to `width` digits.
private func appendPadded(_ value: Int64, width: Int, to buffer: inout [UInt8]) {
    var digits = 1
    var limit: Int64 = 10
    while value >= limit, digits < 19 {
        digits += 1
        limit = limit.multipliedReportingOverflow(by: 10).overflow ? .max : limit * 10
    }
    for _ in digits..<max(width, digits) { buffer.append(UInt8(ascii: "0")) }
    _ = appendDecimal(value, to: &buffer)
}

private func floorDivide(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
    var quotient = value / divisor
    var remainder = value % divisor
    if remainder < 0 {
        quotient -= 1
        remainder += divisor
    }
    return (quotient, remainder)
}

/// Proleptic Gregorian date of a day count (days since 1970-01-01); the "days from civil"
/// algorithm run backwards.
func civilDate(fromDaysSince1970 days: Int64) -> (year: Int64, month: Int64, day: Int64) {
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
func daysSince1970(year: Int64, month: Int64, day: Int64) -> Int64 {
    let adjustedYear = month <= 2 ? year - 1 : year
    let era = (adjustedYear >= 0 ? adjustedYear : adjustedYear - 399) / 400
    let yearOfEra = adjustedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
}

/// Parses `YYYY-MM-DD HH:MM:SS[.ffffff][+HH[:MM[:SS]]][ BC]`, `infinity` or `-infinity`.
private func parseTimestamp(_ text: UnsafeBufferPointer<UInt8>) -> Date? {
    if text.elementsEqual("infinity".utf8) { return .distantFuture }
    if text.elementsEqual("-infinity".utf8) { return .distantPast }
    var index = 0
    func number(maxDigits: Int = 18) -> Int64? {
        var value: Int64 = 0
        var digits = 0
        while index < text.count, digits < maxDigits, text[index] >= UInt8(ascii: "0"), text[index] <= UInt8(ascii: "9") {
            value = value * 10 + Int64(text[index] - UInt8(ascii: "0"))
            index += 1
            digits += 1
        }
        return digits == 0 ? nil : value
    }
    func expect(_ character: Character) -> Bool {
        guard index < text.count, text[index] == character.asciiValue else { return false }
        index += 1
        return true
    }
    guard var year = number(), expect("-"), let month = number(maxDigits: 2), expect("-"),
        let day = number(maxDigits: 2), expect(" "), let hour = number(maxDigits: 2), expect(":"),
        let minute = number(maxDigits: 2), expect(":"), let second = number(maxDigits: 2)
    else { return nil }
    var microseconds: Int64 = 0
    if index < text.count, text[index] == UInt8(ascii: ".") {
        index += 1
        let start = index
        guard let fraction = number(maxDigits: 6) else { return nil }
        microseconds = fraction
        for _ in 0..<(6 - (index - start)) { microseconds *= 10 }
        while index < text.count, text[index] >= UInt8(ascii: "0"), text[index] <= UInt8(ascii: "9") { index += 1 }
    }
    var offsetSeconds: Int64 = 0
    if index < text.count, text[index] == UInt8(ascii: "+") || text[index] == UInt8(ascii: "-") {
        let sign: Int64 = text[index] == UInt8(ascii: "-") ? -1 : 1
        index += 1
        guard let offsetHours = number(maxDigits: 2) else { return nil }
        var offset = offsetHours * 3600
        if expect(":"), let offsetMinutes = number(maxDigits: 2) {
            offset += offsetMinutes * 60
            if expect(":"), let extra = number(maxDigits: 2) { offset += extra }
        }
        offsetSeconds = sign * offset
    }
    if index < text.count {
        guard text[index...].elementsEqual(" BC".utf8) else { return nil }
        year = 1 - year
        index = text.count
    }
    let days = daysSince1970(year: year, month: month, day: day)
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
    return Date(timeIntervalSince1970: Double(seconds) + Double(microseconds) / 1_000_000)
}
