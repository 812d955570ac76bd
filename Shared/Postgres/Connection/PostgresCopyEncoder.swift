/// Turns rows into COPY's text format: tab-separated values, one row per line, `\N` for NULL,
/// backslash escapes for backslash, tab, newline and carriage return.
enum PostgresCopyEncoder {
    /// The size of each piece handed to `PQputCopyData`.
    static let chunkSize = 256 * 1024

    static func encode(
        rows: some Sequence<[any PostgresEncodable]>, columnCount: Int, sql: String
    ) throws -> [[UInt8]] {
        var chunks: [[UInt8]] = []
        var chunk: [UInt8] = []
        chunk.reserveCapacity(chunkSize + 1024)
        for (rowNumber, row) in rows.enumerated() {
            guard row.count == columnCount else {
                throw PostgresError(
                    code: .clientFailure,
                    message: "row \(rowNumber + 1) has \(row.count) values for \(columnCount) columns", query: sql)
            }
            for (column, value) in row.enumerated() {
                if column > 0 { chunk.append(UInt8(ascii: "\t")) }
                let text: String?
                do {
                    text = try value.postgresText()
                } catch {
                    throw PostgresError(
                        code: .clientFailure, message: "cannot encode row \(rowNumber + 1), column \(column + 1): \(error)",
                        query: sql)
                }
                guard let text else {
                    chunk.append(UInt8(ascii: "\\"))
                    chunk.append(UInt8(ascii: "N"))
                    continue
                }
                for byte in text.utf8 {
                    switch byte {
                    case UInt8(ascii: "\\"): chunk.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                    case UInt8(ascii: "\t"): chunk.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                    case UInt8(ascii: "\n"): chunk.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                    case UInt8(ascii: "\r"): chunk.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                    default: chunk.append(byte)
                    }
                }
            }
            chunk.append(UInt8(ascii: "\n"))
            if chunk.count >= chunkSize {
                chunks.append(chunk)
                chunk = []
                chunk.reserveCapacity(chunkSize + 1024)
            }
        }
        if !chunk.isEmpty { chunks.append(chunk) }
        return chunks
    }
}
