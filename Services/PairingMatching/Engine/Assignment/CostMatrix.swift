/// A dense matrix of finite costs (or scores), stored row-major in one contiguous array.
public struct CostMatrix: Hashable, Sendable {
    public let rowCount: Int
    public let columnCount: Int
    /// Row-major entries: entry `(r, c)` is at `r * columnCount + c`.
    public let entries: [Double]

    /// - Throws: `PairingInputError` with code `invalidCostMatrix` when the entry count does not
    ///   match the shape or an entry is NaN or infinite.
    public init(rowCount: Int, columnCount: Int, entries: [Double]) throws {
        guard rowCount >= 0, columnCount >= 0, entries.count == rowCount * columnCount else {
            throw PairingInputError(
                .invalidCostMatrix,
                "a \(rowCount) by \(columnCount) matrix needs \(max(0, rowCount * columnCount)) "
                    + "entries, got \(entries.count)")
        }
        if let bad = entries.firstIndex(where: { !$0.isFinite }) {
            throw PairingInputError(
                .invalidCostMatrix,
                "entry (\(bad / columnCount), \(bad % columnCount)) is \(entries[bad]); every "
                    + "entry must be a finite number")
        }
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.entries = entries
    }

    public subscript(row: Int, column: Int) -> Double {
        entries[row * columnCount + column]
    }

    /// The matrix with rows and columns swapped.
    func transposed() -> CostMatrix {
        var result = [Double](repeating: 0, count: entries.count)
        for r in 0..<rowCount {
            for c in 0..<columnCount {
                result[c * rowCount + r] = entries[r * columnCount + c]
            }
        }
        // Entries were validated on the way in; the transposed shape matches by construction.
        return CostMatrix(validatedRows: columnCount, columns: rowCount, entries: result)
    }

    private init(validatedRows: Int, columns: Int, entries: [Double]) {
        self.rowCount = validatedRows
        self.columnCount = columns
        self.entries = entries
    }
}
