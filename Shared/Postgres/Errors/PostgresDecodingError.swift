/// A column's value could not be decoded into the Swift type asked for: the column is missing,
/// holds a different PostgreSQL type, is NULL where a value is required, or holds text that
/// does not parse.
public struct PostgresDecodingError: Error, Sendable, CustomStringConvertible {
    /// The column's name as the query returned it (or its position when asked by position).
    public var column: String
    /// The Swift type asked for.
    public var swiftType: String
    /// The PostgreSQL type the column has, when it exists.
    public var postgresType: PostgresDataType?
    /// What went wrong.
    public var reason: String

    public init(column: String, swiftType: String, postgresType: PostgresDataType?, reason: String) {
        self.column = column
        self.swiftType = swiftType
        self.postgresType = postgresType
        self.reason = reason
    }

    public var description: String {
        var text = "cannot decode column \"\(column)\" as \(swiftType)"
        if let postgresType { text += " (column type \(postgresType))" }
        return text + ": \(reason)"
    }
}
