import Foundation
import UUIDText

/// `uuid`, sent and read in its lower-case hyphenated form.
extension UUID: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .uuid }
    public func encodePostgresText(into buffer: inout [UInt8]) -> Bool {
        withUnsafeBytes(of: uuid) { bytes in
            for (index, byte) in bytes.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { buffer.append(UInt8(ascii: "-")) }
                buffer.append(lowercaseHexDigits[Int(byte >> 4)])
                buffer.append(lowercaseHexDigits[Int(byte & 0x0f)])
            }
        }
        return true
    }
    public static func decode(postgresText text: UnsafeBufferPointer<UInt8>, type: PostgresDataType) throws -> UUID {
        guard type == .uuid else { throw PostgresDecodingFailure.typeMismatch(type, UUID.self) }
        guard let uuid = UUID(hyphenatedText: text) else {
            throw PostgresDecodingFailure.malformed(text, UUID.self)
        }
        return uuid
    }
}

/// `0`–`9`, `a`–`f`.
let lowercaseHexDigits: [UInt8] = Array("0123456789abcdef".utf8)
