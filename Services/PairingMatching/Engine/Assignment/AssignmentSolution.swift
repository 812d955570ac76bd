/// A solution of a linear assignment problem.
public struct AssignmentSolution: Hashable, Sendable {
    /// The column given to each row, or `nil` for rows left out of a matrix with more rows
    /// than columns.
    public let columnOfRow: [Int?]
    /// The sum of the chosen entries, as given in the matrix (not negated for maximizing).
    public let total: Double

    public init(columnOfRow: [Int?], total: Double) {
        self.columnOfRow = columnOfRow
        self.total = total
    }
}
