import CLibPQ

/// The rows a statement returned, copied out of libpq into Swift memory, with the number of
/// rows it affected.
public struct PostgresRows: Sendable, RandomAccessCollection {
    /// The result's columns, in order.
    public var columns: [PostgresColumn] { storage.columns }
    /// Rows inserted, updated, deleted, copied or selected, as the command tag reports.
    public let affectedRows: Int
    /// The command tag, e.g. `INSERT 0 1`.
    public let commandTag: String

    let storage: Storage

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.rowCount }
    public subscript(position: Int) -> PostgresRow { PostgresRow(storage: storage, index: position) }

    /// Immutable cell storage: every value's bytes in one buffer.
    final class Storage: Sendable {
        let columns: [PostgresColumn]
        let columnIndex: [String: Int]
        let rowCount: Int
        let bytes: [UInt8]
        /// Per cell (row-major): offset into `bytes`, and length or -1 for NULL.
        let offsets: [Int]
        let lengths: [Int32]

        init(columns: [PostgresColumn], rowCount: Int, bytes: [UInt8], offsets: [Int], lengths: [Int32]) {
            self.columns = columns
            var index: [String: Int] = [:]
            for (position, column) in columns.enumerated() where index[column.name] == nil {
                index[column.name] = position
            }
            self.columnIndex = index
            self.rowCount = rowCount
            self.bytes = bytes
            self.offsets = offsets
            self.lengths = lengths
        }
    }

    /// Copies a libpq result. Runs on the connection's thread.
    init(result: OpaquePointer) {
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        var columns: [PostgresColumn] = []
        columns.reserveCapacity(columnCount)
        for column in 0..<columnCount {
            let name = PQfname(result, Int32(column)).map { String(cString: $0) } ?? "?column?"
            columns.append(PostgresColumn(name: name, type: PostgresDataType(PQftype(result, Int32(column)))))
        }
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        var lengths: [Int32] = []
        offsets.reserveCapacity(rowCount * columnCount)
        lengths.reserveCapacity(rowCount * columnCount)
        for row in 0..<Int32(rowCount) {
            for column in 0..<Int32(columnCount) {
                offsets.append(bytes.count)
                if PQgetisnull(result, row, column) == 1 {
                    lengths.append(-1)
                    continue
                }
                let length = PQgetlength(result, row, column)
                lengths.append(length)
                if length > 0, let value = PQgetvalue(result, row, column) {
                    value.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                        bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: Int(length)))
                    }
                }
            }
        }
        self.storage = Storage(columns: columns, rowCount: rowCount, bytes: bytes, offsets: offsets, lengths: lengths)
        self.commandTag = PQcmdStatus(result).map { String(cString: $0) } ?? ""
        self.affectedRows = PQcmdTuples(result).flatMap { Int(String(cString: $0)) } ?? 0
    }
}
