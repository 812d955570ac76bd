import Foundation
import UUIDText

/// `bytea`, in PostgreSQL's hex text form (`\x0a1b...`).
extension Data: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .bytea }

    public func encodePostgresText(into buffer: inout [UInt8]) -> Bool {
        buffer.reserveCapacity(buffer.count + 2 + count * 2)
        buffer.append(UInt8(ascii: "\\"))
        buffer.append(UInt8(ascii: "x"))
        for byte in self {
            buffer.append(lowercaseHexDigits[Int(byte >> 4)])
            buffer.append(lowercaseHexDigits[Int(byte & 0x0f)])
        }
        return true
    }

    public static func decode(postgresText text: UnsafeBufferPointer<UInt8>, type: PostgresDataType) throws -> Data {
        guard type == .bytea else { throw PostgresDecodingFailure.typeMismatch(type, Data.self) }
        guard text.count >= 2, text[0] == UInt8(ascii: "\\"), text[1] == UInt8(ascii: "x"), text.count % 2 == 0 else {
            throw PostgresDecodingFailure("bytea arrived in a form other than hex; set bytea_output = 'hex'")
        }
        var bytes = [UInt8]()
        bytes.reserveCapacity((text.count - 2) / 2)
        var index = 2
        while index < text.count {
            guard let high = text[index].hexDigitValue, let low = text[index + 1].hexDigitValue else {
                throw PostgresDecodingFailure.malformed(text, Data.self)
            }
            bytes.append(high << 4 | low)
            index += 2
        }
        return Data(bytes)
    }
}
