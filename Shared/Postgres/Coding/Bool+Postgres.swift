/// `boolean`, whose text form is `t` or `f`.
extension Bool: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .bool }
    public func encodePostgresText(into buffer: inout [UInt8]) -> Bool {
        buffer.append(self ? UInt8(ascii: "t") : UInt8(ascii: "f"))
        return true
    }
    public static func decode(postgresText text: UnsafeBufferPointer<UInt8>, type: PostgresDataType) throws -> Bool {
        guard type == .bool else { throw PostgresDecodingFailure.typeMismatch(type, Bool.self) }
        switch text.first {
        case UInt8(ascii: "t"): return true
        case UInt8(ascii: "f"): return false
        default: throw PostgresDecodingFailure.malformed(text, Bool.self)
        }
    }
}
