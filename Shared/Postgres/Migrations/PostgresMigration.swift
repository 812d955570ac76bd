/// One step of a database's schema history: a unique name and the SQL that takes the schema
/// one step further. Once applied, a migration's SQL must never change; add a new one instead.
public struct PostgresMigration: Sendable {
    public var name: String
    public var sql: String

    public init(name: String, sql: String) {
        self.name = name
        self.sql = sql
    }
}
