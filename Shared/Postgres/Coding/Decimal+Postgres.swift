import Foundation

/// `numeric`, exactly: no detour through Double.
extension Decimal: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .numeric }

    public func encodePostgresText(into buffer: inout [UInt8]) -> Bool {
        buffer.append(contentsOf: (isNaN ? "NaN" : description).utf8)
        return true
    }

    public static func decode(postgresText text: UnsafeBufferPointer<UInt8>, type: PostgresDataType) throws -> Decimal {
        guard type == .numeric else { throw PostgresDecodingFailure.typeMismatch(type, Decimal.self) }
        let string = String(decoding: text, as: UTF8.self)
        if string == "NaN" { return .nan }
        guard let value = Decimal(string: string, locale: Locale(identifier: "en_US_POSIX")) else {
            throw PostgresDecodingFailure.malformed(text, Decimal.self)
        }
        return value
    }
}
