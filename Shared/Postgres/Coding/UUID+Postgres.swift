import Foundation

/// `uuid`, sent and read in its lower-case hyphenated form.
extension UUID: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .uuid }
    public func postgresText() -> String? { uuidString.lowercased() }
    public static func decode(postgresText text: UnsafeBufferPointer<UInt8>, type: PostgresDataType) throws -> UUID {
        guard type == .uuid else { throw PostgresDecodingFailure.typeMismatch(type, UUID.self) }
        guard let uuid = UUID(uuidString: String(decoding: text, as: UTF8.self)) else {
            throw PostgresDecodingFailure.malformed(text, UUID.self)
        }
        return uuid
    }
}
