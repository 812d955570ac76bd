/// `double precision` and `real`. NaN and the infinities round-trip.
extension Double: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .float8 }

    public func encodePostgresText(into buffer: inout [UInt8]) -> Bool {
        if isNaN {
            buffer.append(contentsOf: "NaN".utf8)
        } else if isInfinite {
            buffer.append(contentsOf: (self < 0 ? "-Infinity" : "Infinity").utf8)
        } else {
            buffer.append(contentsOf: description.utf8)
        }
        return true
    }

    public static func decode(postgresText text: UnsafeBufferPointer<UInt8>, type: PostgresDataType) throws -> Double {
        guard type == .float8 || type == .float4 else { throw PostgresDecodingFailure.typeMismatch(type, Double.self) }
        let string = String(decoding: text, as: UTF8.self)
        switch string {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default:
            guard let value = Double(string) else { throw PostgresDecodingFailure.malformed(text, Double.self) }
            return value
        }
    }
}
