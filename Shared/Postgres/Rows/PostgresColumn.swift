/// A column of a query's result: its name and PostgreSQL type.
public struct PostgresColumn: Sendable, Hashable {
    public var name: String
    public var type: PostgresDataType
}
