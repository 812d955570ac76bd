/// COPY's text format: tab-separated values, one row per line, `\N` for NULL, backslash
/// escapes for backslash, tab, newline and carriage return.
enum PostgresCopyEncoder {
    /// The size of each piece handed to `PQputCopyData`.
    static let chunkSize = 64 * 1024

    /// A row that cannot be written.
    struct RowError: Error, CustomStringConvertible {
        var description: String
    }

    /// Appends one row, escaped, to `chunk`.
    static func append(row: [any PostgresEncodable], number: Int, columnCount: Int, to chunk: inout [UInt8]) throws {
        guard row.count == columnCount else {
            throw RowError(description: "row \(number) has \(row.count) values for \(columnCount) columns")
        }
        for (column, value) in row.enumerated() {
            if column > 0 { chunk.append(UInt8(ascii: "\t")) }
            let start = chunk.count
            let present: Bool
            do {
                present = try value.encodePostgresText(into: &chunk)
            } catch {
                throw RowError(description: "cannot encode row \(number), column \(column + 1): \(error)")
            }
            guard present else {
                chunk.append(UInt8(ascii: "\\"))
                chunk.append(UInt8(ascii: "N"))
                continue
            }
            if chunk[start...].contains(where: needsEscape) { escape(from: start, in: &chunk) }
        }
        chunk.append(UInt8(ascii: "\n"))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// Rewrites the value that starts at `start` with COPY's escapes.
    private static func escape(from start: Int, in chunk: inout [UInt8]) {
        let raw = Array(chunk[start...])
        chunk.removeSubrange(start...)
        for byte in raw {
            switch byte {
            case UInt8(ascii: "\\"): chunk.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\t"): chunk.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case UInt8(ascii: "\n"): chunk.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): chunk.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            default: chunk.append(byte)
            }
        }
    }
}
