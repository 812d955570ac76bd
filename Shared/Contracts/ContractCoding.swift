import Foundation

/// The wire format of every message body: JSON with camelCase keys (the Swift property
/// names), UUIDs as lower-case strings, instants as RFC 3339 in UTC with milliseconds.
/// Decoding ignores fields it does not know, so a producer may add fields within a version.
public enum ContractCoding {
    /// Encodes a body; keys sorted so that the same event always gives the same bytes.
    public static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        try encoder.encode(value)
    }

    /// Decodes a body with Foundation's decoder: the reference for every reader of the
    /// contract (ServiceKit's consumers read the common case faster, and fall back to this).
    public static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        try decoder.decode(type, from: data)
    }

    // One of each, shared: their settings never change after this, and they are safe to use
    // from several tasks at once.
    private static let encoder = makeEncoder()
    private static let decoder = makeDecoder()

    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(formatInstant(date))
        }
        return encoder
    }

    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = parseInstant(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "'\(text)' is not an RFC 3339 instant such as 2024-05-23T10:00:00Z")
            }
            return date
        }
        return decoder
    }

    /// `2024-05-23T10:00:00.000Z`.
    public static func formatInstant(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }

    /// An RFC 3339 instant with or without fractional seconds, in UTC or with an offset.
    public static func parseInstant(_ text: String) -> Date? {
        if let date = parseUTCInstant(text) { return date }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle())
    }

    /// The form every producer writes, `2024-05-23T10:00:00.000Z` (any number of fraction
    /// digits, or none), read directly: on the path of every message, Foundation's parser
    /// showed as a few percent of a consumer's processor time. Nil for anything else, which
    /// the general parser then reads.
    static func parseUTCInstant(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count >= 20, bytes.count <= 30, bytes[bytes.count - 1] == UInt8(ascii: "Z"),
                bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
                bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":")
            else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
                    guard digit >= 0, digit <= 9 else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
                let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
                (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), hour <= 23, minute <= 59, second <= 59
            else { return nil }
            var fraction = 0.0
            if bytes.count > 20 {
                guard bytes[19] == UInt8(ascii: "."), bytes.count > 21, let digits = number(20..<(bytes.count - 1)) else { return nil }
                fraction = Double(digits) / pow(10, Double(bytes.count - 21))
            } else if bytes[19] != UInt8(ascii: "Z") {
                return nil
            }
            let days = daysSinceEpoch(year: year, month: month, day: day)
            let secondsOfDay = hour * 3_600 + minute * 60 + second
            // As Foundation's parser computes it, to the last bit: the start of the day since the
            // reference date (2001-01-01, 978,307,200 s after 1970), plus the time of day with its
            // fraction, added up first. (Adding the fraction to the whole seconds instead differs
            // in the last bit for a few instants in 100,000, near the reference date.)
            return Date(timeIntervalSinceReferenceDate: Double(days * 86_400 - 978_307_200) + (Double(secondsOfDay) + fraction))
        }
    }

    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar.
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
