/// One row of a result. Values are decoded by column name or position into any
/// ``PostgresDecodable`` type; a missing column, a NULL where a value is required, or a type
/// that does not match throws a ``PostgresDecodingError`` naming the column.
public struct PostgresRow: Sendable {
    let storage: PostgresRows.Storage
    let index: Int

    /// The row's columns.
    public var columns: [PostgresColumn] { storage.columns }

    /// Whether the result has a column of that name.
    public func contains(column name: String) -> Bool { storage.columnIndex[name] != nil }

    /// The value of the named column.
    public func decode<Value: PostgresDecodable>(_ type: Value.Type, _ column: String) throws -> Value {
        guard let position = storage.columnIndex[column] else {
            let available = storage.columns.map(\.name).joined(separator: ", ")
            throw PostgresDecodingError(
                column: column, swiftType: "\(Value.self)", postgresType: nil,
                reason: "the result has no such column (it has: \(available))")
        }
        return try decode(type, at: position)
    }

    /// The value of the column at a position (0-based).
    public func decode<Value: PostgresDecodable>(_ type: Value.Type, at position: Int) throws -> Value {
        guard position >= 0, position < storage.columns.count else {
            throw PostgresDecodingError(
                column: "#\(position)", swiftType: "\(Value.self)", postgresType: nil,
                reason: "the result has \(storage.columns.count) columns")
        }
        let column = storage.columns[position]
        let cell = index * storage.columns.count + position
        let length = storage.lengths[cell]
        do {
            if length < 0 { return try Value.decodeNull() }
            return try storage.bytes.withUnsafeBufferPointer { bytes in
                let start = bytes.baseAddress.map { $0 + storage.offsets[cell] }
                return try Value.decode(postgresText: UnsafeBufferPointer(start: start, count: Int(length)), type: column.type)
            }
        } catch let error as PostgresDecodingError {
            throw error
        } catch {
            throw PostgresDecodingError(
                column: column.name, swiftType: "\(Value.self)", postgresType: column.type, reason: "\(error)")
        }
    }

    /// The row's columns in order, as a tuple: `let (id, name) = try row.decode((UUID, String).self)`.
    public func decode<each Value: PostgresDecodable>(_ types: (repeat each Value).Type) throws -> (repeat each Value) {
        let cursor = ColumnCursor()
        return (repeat try decode((each Value).self, at: cursor.next()))
    }
}

/// Hands out column positions in order while a tuple is decoded.
private final class ColumnCursor {
    private var position = 0
    func next() -> Int {
        defer { position += 1 }
        return position
    }
}
