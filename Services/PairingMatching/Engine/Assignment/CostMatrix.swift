/// A dense matrix of costs (or scores), stored row-major in one contiguous array.
///
/// An infinite entry is a forbidden pair, as in SciPy's `linear_sum_assignment`: `+infinity`
/// when minimising, `-infinity` when maximising (``LinearAssignment`` refuses the other sign).
public struct CostMatrix: Hashable, Sendable {
    public let rowCount: Int
    public let columnCount: Int
    /// Row-major entries: entry `(r, c)` is at `r * columnCount + c`.
    public let entries: [Double]
    /// Whether some entry is `+infinity`, or `-infinity`.
    let hasPositiveInfinity: Bool
    let hasNegativeInfinity: Bool

    /// - Throws: `PairingInputError` with code `invalidCostMatrix` when the entry count does not
    ///   match the shape or an entry is NaN.
    public init(rowCount: Int, columnCount: Int, entries: [Double]) throws {
        guard rowCount >= 0, columnCount >= 0, entries.count == rowCount * columnCount else {
            throw PairingInputError(
                .invalidCostMatrix,
                "a \(rowCount) by \(columnCount) matrix needs \(max(0, rowCount * columnCount)) "
                    + "entries, got \(entries.count)")
        }
        var positive = false
        var negative = false
        for (index, entry) in entries.enumerated() where !entry.isFinite {
            guard !entry.isNaN else {
                throw PairingInputError(
                    .invalidCostMatrix,
                    "entry (\(index / columnCount), \(index % columnCount)) is NaN; every entry "
                        + "must be a number (an infinite one is a forbidden pair)")
            }
            if entry > 0 { positive = true } else { negative = true }
        }
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.entries = entries
        self.hasPositiveInfinity = positive
        self.hasNegativeInfinity = negative
    }

    public subscript(row: Int, column: Int) -> Double {
        entries[row * columnCount + column]
    }
}
