import Foundation

/// A value stored as `jsonb` (or read from `json`/`jsonb`), encoded and decoded with
/// Foundation's JSON coders: `\(PostgresJSON(payload))` binds it, `row.decode(PostgresJSON<Payload>.self, "column").value` reads it.
public struct PostgresJSON<Value: Sendable>: Sendable {
    public var value: Value
    public init(_ value: Value) { self.value = value }
}

extension PostgresJSON: PostgresEncodable where Value: Encodable {
    public static var postgresType: PostgresDataType { .jsonb }
    public func encodePostgresText(into buffer: inout [UInt8]) throws -> Bool {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        buffer.append(contentsOf: try encoder.encode(value))
        return true
    }
}

extension PostgresJSON: PostgresDecodable where Value: Decodable {
    public static func decode(postgresText text: UnsafeBufferPointer<UInt8>, type: PostgresDataType) throws -> PostgresJSON<Value> {
        guard type == .jsonb || type == .json else { throw PostgresDecodingFailure.typeMismatch(type, Value.self) }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return PostgresJSON(try decoder.decode(Value.self, from: Data(buffer: text)))
        } catch {
            throw PostgresDecodingFailure("the JSON does not decode as \(Value.self): \(error)")
        }
    }
}
