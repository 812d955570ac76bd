import Foundation

/// An AMQP field table: message headers and the arguments of queues, exchanges and bindings.
public typealias AMQPTable = [String: AMQPFieldValue]

/// One value of an AMQP field table.
///
/// Integers of every width arrive as `.int`, floats as `.double`. Literals work:
/// `["x-delivery-limit": 5, "x-queue-type": "quorum", "retry": true]`.
public indirect enum AMQPFieldValue: Sendable, Hashable {
    /// A boolean (`t`).
    case bool(Bool)
    /// A signed integer; sent as a 64-bit integer (`l`), read from any integer width.
    case int(Int64)
    /// A floating-point number; sent as a double (`d`), read from float or double.
    case double(Double)
    /// An AMQP decimal: `value` × 10^-`scale`.
    case decimal(scale: UInt8, value: UInt32)
    /// A UTF-8 string (`S`).
    case string(String)
    /// Raw bytes (`x`).
    case bytes([UInt8])
    /// A timestamp with one-second precision (`T`).
    case timestamp(Date)
    /// A nested table (`F`).
    case table(AMQPTable)
    /// An array of values (`A`).
    case array([AMQPFieldValue])
    /// No value (`V`).
    case void

    /// The string, if this is one.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The integer, if this is one.
    public var intValue: Int64? {
        if case .int(let value) = self { return value }
        return nil
    }

    /// The boolean, if this is one.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The table, if this is one.
    public var tableValue: AMQPTable? {
        if case .table(let value) = self { return value }
        return nil
    }

    /// The array, if this is one.
    public var arrayValue: [AMQPFieldValue]? {
        if case .array(let value) = self { return value }
        return nil
    }
}

extension AMQPFieldValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension AMQPFieldValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int64) { self = .int(value) }
}

extension AMQPFieldValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension AMQPFieldValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension AMQPFieldValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: AMQPFieldValue...) { self = .array(elements) }
}

extension AMQPFieldValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, AMQPFieldValue)...) {
        self = .table(AMQPTable(elements, uniquingKeysWith: { _, last in last }))
    }
}
