import Foundation

/// A type whose one-dimensional arrays can be bound and read: `text[]`, `uuid[]`,
/// `bigint[]`, `integer[]`, `boolean[]`, `double precision[]`, `timestamptz[]`.
public protocol PostgresArrayElement: PostgresEncodable, PostgresDecodable {
    /// The array type the Swift array is sent as.
    static var postgresArrayType: PostgresDataType { get }
    /// Appends the text form of a one-dimensional array of `elements`, e.g. `{"a","b \"c\""}`.
    ///
    /// A requirement, not only the array's own code: called through it, the loop is compiled
    /// for each element type. The array's encoding is reached through `any PostgresEncodable`,
    /// where the element type is known only at run time; written there, the loop walked the
    /// array generically, about a tenth of a consumer's processor time in bulk.
    static func encodePostgresArrayText(_ elements: [Self], into buffer: inout [UInt8]) throws
    /// Appends the binary form of a one-dimensional array of `elements`, as `array_recv` reads
    /// it. A requirement for the same reason as the text form.
    static func encodePostgresArrayBinary(_ elements: [Self], into buffer: inout [UInt8]) throws
    /// Appends the element's binary form (`typsend`), without its length.
    func encodePostgresBinaryElement(into buffer: inout [UInt8]) throws
}

extension PostgresArrayElement {
    public static func encodePostgresArrayText(_ elements: [Self], into buffer: inout [UInt8]) throws {
        let quote = UInt8(ascii: "\"")
        let backslash = UInt8(ascii: "\\")
        buffer.append(UInt8(ascii: "{"))
        var first = true
        for value in elements {
            if !first { buffer.append(UInt8(ascii: ",")) }
            first = false
            buffer.append(quote)
            let start = buffer.count
            guard try value.encodePostgresText(into: &buffer) else {
                buffer.removeLast()
                buffer.append(contentsOf: "NULL".utf8)
                continue
            }
            // Most values have nothing to escape; rewrite the ones that do.
            if buffer[start...].contains(where: { $0 == quote || $0 == backslash }) {
                let raw = [UInt8](buffer[start...])
                buffer.removeSubrange(start...)
                for byte in raw {
                    if byte == quote || byte == backslash { buffer.append(backslash) }
                    buffer.append(byte)
                }
            }
            buffer.append(quote)
        }
        buffer.append(UInt8(ascii: "}"))
    }
}

extension PostgresArrayElement {
    public static func encodePostgresArrayBinary(_ elements: [Self], into buffer: inout [UInt8]) throws {
        // Dimensions (none for an empty array), a flag for NULLs (there are none), the
        // element type; the length and lower bound of the one dimension; then each element
        // after its length.
        appendBigEndian(Int32(elements.isEmpty ? 0 : 1), to: &buffer)
        appendBigEndian(Int32(0), to: &buffer)
        appendBigEndian(postgresType.rawValue, to: &buffer)
        guard !elements.isEmpty else { return }
        guard let count = Int32(exactly: elements.count) else {
            throw PostgresDecodingFailure("an array of \(elements.count) elements is too long to send")
        }
        appendBigEndian(count, to: &buffer)
        appendBigEndian(Int32(1), to: &buffer)
        for element in elements {
            let lengthAt = buffer.count
            appendBigEndian(Int32(0), to: &buffer)
            try element.encodePostgresBinaryElement(into: &buffer)
            let length = buffer.count - lengthAt - 4
            guard let length32 = Int32(exactly: length) else {
                throw PostgresDecodingFailure("an array element of \(length) bytes is too long to send")
            }
            buffer.withUnsafeMutableBytes { $0.storeBytes(of: length32.bigEndian, toByteOffset: lengthAt, as: Int32.self) }
        }
    }
}

/// Appends an integer in network byte order.
func appendBigEndian<Integer: FixedWidthInteger>(_ value: Integer, to buffer: inout [UInt8]) {
    withUnsafeBytes(of: value.bigEndian) { buffer.append(contentsOf: $0) }
}

extension String: PostgresArrayElement {
    public static var postgresArrayType: PostgresDataType { .textArray }
    public func encodePostgresBinaryElement(into buffer: inout [UInt8]) throws {
        let start = buffer.count
        buffer.append(contentsOf: utf8)
        // The server refuses it too, but naming the cause here keeps the error the same as
        // for a text value.
        guard !buffer[start...].contains(0) else {
            throw PostgresDecodingFailure("text values cannot contain the NUL character")
        }
    }
}

extension UUID: PostgresArrayElement {
    public static var postgresArrayType: PostgresDataType { .uuidArray }
    public func encodePostgresBinaryElement(into buffer: inout [UInt8]) {
        withUnsafeBytes(of: uuid) { buffer.append(contentsOf: $0) }
    }
}

extension Int: PostgresArrayElement {
    public static var postgresArrayType: PostgresDataType { .int8Array }
    public func encodePostgresBinaryElement(into buffer: inout [UInt8]) { appendBigEndian(Int64(self), to: &buffer) }
}

extension Int64: PostgresArrayElement {
    public static var postgresArrayType: PostgresDataType { .int8Array }
    public func encodePostgresBinaryElement(into buffer: inout [UInt8]) { appendBigEndian(self, to: &buffer) }
}

extension Int32: PostgresArrayElement {
    public static var postgresArrayType: PostgresDataType { .int4Array }
    public func encodePostgresBinaryElement(into buffer: inout [UInt8]) { appendBigEndian(self, to: &buffer) }
}

extension Bool: PostgresArrayElement {
    public static var postgresArrayType: PostgresDataType { .boolArray }
    public func encodePostgresBinaryElement(into buffer: inout [UInt8]) { buffer.append(self ? 1 : 0) }
}

extension Double: PostgresArrayElement {
    public static var postgresArrayType: PostgresDataType { .float8Array }
    public func encodePostgresBinaryElement(into buffer: inout [UInt8]) { appendBigEndian(bitPattern, to: &buffer) }
}

extension Date: PostgresArrayElement {
    public static var postgresArrayType: PostgresDataType { .timestamptzArray }
    /// Microseconds since 2000-01-01 UTC, rounded as the text form is; `infinity` and
    /// `-infinity` are the largest and smallest values.
    public func encodePostgresBinaryElement(into buffer: inout [UInt8]) {
        let microseconds: Int64
        if self >= .distantFuture {
            microseconds = .max
        } else if self <= .distantPast {
            microseconds = .min
        } else {
            microseconds = Int64((timeIntervalSince1970 * 1_000_000).rounded()) - 946_684_800_000_000
        }
        appendBigEndian(microseconds, to: &buffer)
    }
}

extension Array: PostgresEncodable where Element: PostgresArrayElement {
    public static var postgresType: PostgresDataType { Element.postgresArrayType }

    public func encodePostgresText(into buffer: inout [UInt8]) throws -> Bool {
        try Element.encodePostgresArrayText(self, into: &buffer)
        return true
    }

    public func encodePostgresParameter(into buffer: inout [UInt8]) throws -> PostgresFormat? {
        try Element.encodePostgresArrayBinary(self, into: &buffer)
        return .binary
    }
}

extension Array: PostgresDecodable where Element: PostgresArrayElement {
    public static func decode(postgresText text: UnsafeBufferPointer<UInt8>, type: PostgresDataType) throws -> [Element] {
        guard let elementType = type.arrayElementType else { throw PostgresDecodingFailure.typeMismatch(type, Self.self) }
        var elements: [Element] = []
        try forEachArrayElement(text) { element in
            if let element {
                elements.append(try Element.decode(postgresText: element, type: elementType))
            } else {
                elements.append(try Element.decodeNull())
            }
        }
        return elements
    }
}

extension PostgresDataType {
    /// The element type of the array types this client reads.
    var arrayElementType: PostgresDataType? {
        switch self {
        case .textArray: .text
        case .varcharArray: .varchar
        case .bpcharArray: .bpchar
        case .nameArray: .name
        case .uuidArray: .uuid
        case .int8Array: .int8
        case .int4Array: .int4
        case .int2Array: .int2
        case .boolArray: .bool
        case .float8Array: .float8
        case .float4Array: .float4
        case .timestamptzArray: .timestamptz
        case .timestampArray: .timestamp
        default: nil
        }
    }
}

/// Walks the elements of a one-dimensional array literal such as `{a,"b c",NULL}`, handing
/// each element's unescaped text (nil for NULL) to `body`.
private func forEachArrayElement(
    _ text: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>?) throws -> Void
) throws {
    let open = UInt8(ascii: "{")
    let close = UInt8(ascii: "}")
    let quote = UInt8(ascii: "\"")
    let backslash = UInt8(ascii: "\\")
    let comma = UInt8(ascii: ",")
    guard text.count >= 2, text.first == open, text.last == close else {
        throw PostgresDecodingFailure("expected a one-dimensional array literal like {a,b}")
    }
    if text.count == 2 { return }
    var index = 1
    var element: [UInt8] = []
    while index < text.count - 1 {
        element.removeAll(keepingCapacity: true)
        if text[index] == quote {
            index += 1
            while index < text.count - 1, text[index] != quote {
                if text[index] == backslash { index += 1 }
                element.append(text[index])
                index += 1
            }
            index += 1
            try element.withUnsafeBufferPointer { try body($0) }
        } else {
            guard text[index] != open else { throw PostgresDecodingFailure("multi-dimensional arrays are not supported") }
            while index < text.count - 1, text[index] != comma {
                element.append(text[index])
                index += 1
            }
            if element.count == 4, String(decoding: element, as: UTF8.self).uppercased() == "NULL" {
                try body(nil)
            } else {
                try element.withUnsafeBufferPointer { try body($0) }
            }
        }
        if index < text.count - 1 {
            guard text[index] == comma else { throw PostgresDecodingFailure("malformed array literal") }
            index += 1
        }
    }
}
