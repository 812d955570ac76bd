/// A Swift value that can be bound to a query parameter or written by COPY.
///
/// Values travel in PostgreSQL's text format, with their type's OID so that the server does
/// not have to guess; arrays bound as parameters travel in its binary format instead, which
/// the server takes without parsing each element's text.
public protocol PostgresEncodable: Sendable {
    /// The PostgreSQL type the value is sent as.
    static var postgresType: PostgresDataType { get }
    /// Appends the value's text form to `buffer` and returns true; for SQL NULL appends nothing
    /// and returns false.
    func encodePostgresText(into buffer: inout [UInt8]) throws -> Bool
    /// Appends the value as a query parameter and returns the format it is in; for SQL NULL
    /// appends nothing and returns nil. By default the text form.
    func encodePostgresParameter(into buffer: inout [UInt8]) throws -> PostgresFormat?
}

/// The two forms a value can take on the wire.
public enum PostgresFormat: Int32, Sendable {
    /// The value's text, as `psql` shows it.
    case text = 0
    /// The type's binary form (`typsend`/`typreceive`), in network byte order.
    case binary = 1
}

extension PostgresEncodable {
    public func encodePostgresParameter(into buffer: inout [UInt8]) throws -> PostgresFormat? {
        try encodePostgresText(into: &buffer) ? .text : nil
    }

    /// The value's text form, or nil for NULL.
    public func postgresText() throws -> String? {
        var buffer: [UInt8] = []
        return try encodePostgresText(into: &buffer) ? String(decoding: buffer, as: UTF8.self) : nil
    }
}

/// A Swift value that a column can be decoded into.
public protocol PostgresDecodable: Sendable {
    /// Decodes a non-NULL value from its text form. `type` is the column's PostgreSQL type;
    /// a type the Swift type does not accept is an error (use ``PostgresDecodingFailure``).
    static func decode(postgresText text: UnsafeBufferPointer<UInt8>, type: PostgresDataType) throws -> Self
    /// The value for SQL NULL. Only optionals have one; every other type throws.
    static func decodeNull() throws -> Self
}

extension PostgresDecodable {
    public static func decodeNull() throws -> Self {
        throw PostgresDecodingFailure("the value is NULL; decode into an Optional to accept NULL")
    }
}

/// Why a value could not be decoded; the row wraps it into a ``PostgresDecodingError`` that
/// names the column.
public struct PostgresDecodingFailure: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }

    /// The column's type is not one this Swift type accepts.
    public static func typeMismatch(_ type: PostgresDataType, _ swiftType: Any.Type) -> PostgresDecodingFailure {
        PostgresDecodingFailure("a \(type) column cannot be decoded as \(swiftType)")
    }

    /// The text does not parse as the type says it should.
    public static func malformed(_ text: UnsafeBufferPointer<UInt8>, _ swiftType: Any.Type) -> PostgresDecodingFailure {
        let shown = String(decoding: text.prefix(64), as: UTF8.self)
        return PostgresDecodingFailure("the text '\(shown)' is not a valid \(swiftType)")
    }
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    public static var postgresType: PostgresDataType { Wrapped.postgresType }
    public func encodePostgresText(into buffer: inout [UInt8]) throws -> Bool {
        switch self {
        case .none: false
        case .some(let value): try value.encodePostgresText(into: &buffer)
        }
    }
    public func encodePostgresParameter(into buffer: inout [UInt8]) throws -> PostgresFormat? {
        switch self {
        case .none: nil
        case .some(let value): try value.encodePostgresParameter(into: &buffer)
        }
    }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public static func decode(postgresText text: UnsafeBufferPointer<UInt8>, type: PostgresDataType) throws -> Self {
        try Wrapped.decode(postgresText: text, type: type)
    }
    public static func decodeNull() throws -> Self { nil }
}
