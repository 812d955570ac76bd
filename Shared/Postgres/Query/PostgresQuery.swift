import Foundation

/// A SQL statement and its parameters.
///
/// Written with string interpolation, every interpolated value becomes a `$n` parameter, never
/// text in the SQL:
///
/// ```swift
/// let rows = try await client.query("SELECT name FROM communities WHERE id = \(id)")
/// ```
///
/// SQL built at run time goes in only through the names that say so: `\(identifier:)` quotes
/// a table or column name, and ``init(unsafeSQL:bindings:)`` / `\(unsafeSQL:)` take text as
/// it is.
public struct PostgresQuery: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The SQL text, with `$1, $2...` where the values go.
    public var sql: String
    /// The values, in parameter order.
    public var bindings: [any PostgresEncodable]

    /// SQL text taken as it is, with values for its `$n` parameters. Never build `unsafeSQL`
    /// from input: that is how SQL injection happens.
    public init(unsafeSQL sql: String, bindings: [any PostgresEncodable] = []) {
        self.sql = sql
        self.bindings = bindings
    }

    public init(stringLiteral value: String) {
        self.sql = value
        self.bindings = []
    }

    public init(stringInterpolation: StringInterpolation) {
        self.sql = stringInterpolation.sql
        self.bindings = stringInterpolation.bindings
    }

    /// The SQL text only: safe to log.
    public var description: String { sql }

    public struct StringInterpolation: StringInterpolationProtocol {
        var sql: String = ""
        var bindings: [any PostgresEncodable] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
            bindings.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        /// A value, bound as the next `$n` parameter.
        public mutating func appendInterpolation(_ value: some PostgresEncodable) {
            bindings.append(value)
            sql += "$\(bindings.count)"
        }

        /// A value that may be NULL, bound as the next `$n` parameter.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value?) {
            bindings.append(value)
            sql += "$\(bindings.count)"
        }

        /// A table, column or channel name, double-quoted so that it cannot end the identifier.
        public mutating func appendInterpolation(identifier: String) {
            sql += "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }

        /// SQL text inserted as it is. Never pass input here.
        public mutating func appendInterpolation(unsafeSQL text: String) {
            sql += text
        }
    }
}
