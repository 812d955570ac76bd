/// Integers: `smallint`, `integer`, `bigint` and `oid` decode into any Swift integer wide
/// enough for the value (a value that does not fit is an error, never truncated).
extension FixedWidthInteger where Self: SignedInteger {
    static func decodeInteger(postgresText text: UnsafeBufferPointer<UInt8>, type: PostgresDataType) throws -> Self {
        guard type == .int2 || type == .int4 || type == .int8 || type == .oid else {
            throw PostgresDecodingFailure.typeMismatch(type, Self.self)
        }
        guard let value = parseDecimalInteger(text, as: Self.self) else {
            if parseDecimalInteger(text, as: Int64.self) != nil {
                throw PostgresDecodingFailure("the value \(String(decoding: text, as: UTF8.self)) does not fit in \(Self.self)")
            }
            throw PostgresDecodingFailure.malformed(text, Self.self)
        }
        return value
    }
}

/// Parses an optionally signed run of ASCII digits, or nil on anything else or on overflow.
func parseDecimalInteger<T: FixedWidthInteger & SignedInteger>(_ text: UnsafeBufferPointer<UInt8>, as: T.Type) -> T? {
    var index = 0
    var negative = false
    if index < text.count, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
        negative = text[index] == UInt8(ascii: "-")
        index += 1
    }
    guard index < text.count else { return nil }
    var value: T = 0
    while index < text.count {
        let digit = text[index] &- UInt8(ascii: "0")
        guard digit < 10 else { return nil }
        let (multiplied, overflow1) = value.multipliedReportingOverflow(by: 10)
        let (next, overflow2) =
            negative
            ? multiplied.subtractingReportingOverflow(T(digit)) : multiplied.addingReportingOverflow(T(digit))
        guard !overflow1, !overflow2 else { return nil }
        value = next
        index += 1
    }
    return value
}

extension Int: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .int8 }
    public func encodePostgresText(into buffer: inout [UInt8]) -> Bool { appendDecimal(Int64(self), to: &buffer) }
    public static func decode(postgresText text: UnsafeBufferPointer<UInt8>, type: PostgresDataType) throws -> Int {
        try decodeInteger(postgresText: text, type: type)
    }
}

extension Int64: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .int8 }
    public func encodePostgresText(into buffer: inout [UInt8]) -> Bool { appendDecimal(Int64(self), to: &buffer) }
    public static func decode(postgresText text: UnsafeBufferPointer<UInt8>, type: PostgresDataType) throws -> Int64 {
        try decodeInteger(postgresText: text, type: type)
    }
}

extension Int32: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .int4 }
    public func encodePostgresText(into buffer: inout [UInt8]) -> Bool { appendDecimal(Int64(self), to: &buffer) }
    public static func decode(postgresText text: UnsafeBufferPointer<UInt8>, type: PostgresDataType) throws -> Int32 {
        try decodeInteger(postgresText: text, type: type)
    }
}

extension Int16: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .int2 }
    public func encodePostgresText(into buffer: inout [UInt8]) -> Bool { appendDecimal(Int64(self), to: &buffer) }
    public static func decode(postgresText text: UnsafeBufferPointer<UInt8>, type: PostgresDataType) throws -> Int16 {
        try decodeInteger(postgresText: text, type: type)
    }
}

/// Appends the decimal digits of `value` without building a String.
func appendDecimal(_ value: Int64, to buffer: inout [UInt8]) -> Bool {
    if value == 0 {
        buffer.append(UInt8(ascii: "0"))
        return true
    }
    var magnitude = value.magnitude
    if value < 0 { buffer.append(UInt8(ascii: "-")) }
    let start = buffer.count
    while magnitude > 0 {
        buffer.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
        magnitude /= 10
    }
    buffer[start...].reverse()
    return true
}
