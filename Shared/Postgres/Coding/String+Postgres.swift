/// `text`, `varchar`, `char(n)`, `name` and user-defined types such as enums.
extension String: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .text }
    public func encodePostgresText(into buffer: inout [UInt8]) -> Bool {
        buffer.append(contentsOf: utf8)
        return true
    }
    public static func decode(postgresText text: UnsafeBufferPointer<UInt8>, type: PostgresDataType) throws -> String {
        guard type.isTextual else { throw PostgresDecodingFailure.typeMismatch(type, String.self) }
        return String(decoding: text, as: UTF8.self)
    }
}
