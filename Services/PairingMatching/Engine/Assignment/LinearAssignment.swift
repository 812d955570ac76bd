/// Dense linear assignment: give each row a distinct column so that the sum of the chosen
/// entries is smallest (or largest).
///
/// Square matrices use the Jonker–Volgenant shortest-augmenting-path algorithm (1987): column
/// reduction, reduction transfer and two rounds of augmenting row reduction find most of the
/// assignment cheaply, then a Dijkstra-style shortest augmenting path places each remaining
/// row. Matrices with fewer rows than columns start from zero prices and use the augmenting
/// paths alone, as Crouse's variant does (the one in SciPy's `linear_sum_assignment`): the
/// reductions would give prices to columns that end up unassigned, which the rectangular
/// optimality conditions forbid. A matrix with more rows than columns is solved transposed.
/// O(n³) in the worst case, far less on typical matrices; every loop runs over contiguous
/// arrays of `Double`.
public enum LinearAssignment {
    /// Solves the assignment problem on `matrix`. An infinite entry is a forbidden pair:
    /// `+infinity` when minimising, `-infinity` when maximising.
    ///
    /// - Throws: `PairingInputError` with code `infeasibleAssignment` when every assignment of
    ///   `min(rows, columns)` pairs uses a forbidden entry, and `invalidCostMatrix` for an
    ///   infinite entry of the wrong sign (`-infinity` when minimising, `+infinity` when
    ///   maximising), which would make the optimum unbounded.
    public static func solve(_ matrix: CostMatrix, goal: AssignmentGoal = .minimize) throws
        -> AssignmentSolution
    {
        let (forbidden, unbounded) =
            goal == .minimize
            ? (matrix.hasPositiveInfinity, matrix.hasNegativeInfinity)
            : (matrix.hasNegativeInfinity, matrix.hasPositiveInfinity)
        guard !unbounded else {
            throw PairingInputError(
                .invalidCostMatrix,
                "an entry is \(goal == .minimize ? "-" : "+")infinity, which makes the "
                    + "\(goal == .minimize ? "minimum" : "maximum") unbounded; a forbidden pair is "
                    + "\(goal == .minimize ? "+" : "-")infinity")
        }
        // Forbidden entries stay infinite: the shortest augmenting paths never take one, and a
        // row that no path of finite entries reaches means that no full assignment exists.
        guard let solution = solveAny(matrix, goal: goal, forbidden: forbidden) else { throw infeasible(matrix) }
        return solution
    }

    private static func infeasible(_ matrix: CostMatrix) -> PairingInputError {
        PairingInputError(
            .infeasibleAssignment,
            "no assignment of \(min(matrix.rowCount, matrix.columnCount)) pairs in the "
                + "\(matrix.rowCount) by \(matrix.columnCount) matrix avoids the forbidden (infinite) entries")
    }

    /// `solve`, or nil when `forbidden` entries (infinite ones) leave no full assignment.
    private static func solveAny(_ matrix: CostMatrix, goal: AssignmentGoal, forbidden: Bool) -> AssignmentSolution? {
        if matrix.rowCount > matrix.columnCount {
            // Solved transposed, the transposition and a maximisation's negation in one copy.
            let rows = matrix.rowCount
            let columns = matrix.columnCount
            let sign = goal == .minimize ? 1.0 : -1.0
            var transposed = [Double](repeating: 0, count: rows * columns)
            matrix.entries.withUnsafeBufferPointer { source in
                transposed.withUnsafeMutableBufferPointer { target in
                    for r in 0..<rows {
                        for c in 0..<columns {
                            target[c * rows + r] = sign * source[r * columns + c]
                        }
                    }
                }
            }
            guard columns > 0 else { return AssignmentSolution(columnOfRow: Array(repeating: nil, count: rows), total: 0) }
            guard let rowOfColumn = solveBorrowing(transposed, rows: columns, columns: rows, forbidden: forbidden) else { return nil }
            var columnOfRow = [Int?](repeating: nil, count: rows)
            var total = 0.0
            for (column, row) in rowOfColumn.enumerated() {
                columnOfRow[row] = column
                total += matrix.entries[row * columns + column]
            }
            guard total.isFinite else { return nil }
            return AssignmentSolution(columnOfRow: columnOfRow, total: total)
        }

        let rows = matrix.rowCount
        let columns = matrix.columnCount
        guard rows > 0 else { return AssignmentSolution(columnOfRow: [], total: 0) }

        let found: [Int]?
        if goal == .minimize {
            found = solveBorrowing(matrix.entries, rows: rows, columns: columns, forbidden: forbidden)
        } else {
            found = solveBorrowing(matrix.entries.map { -$0 }, rows: rows, columns: columns, forbidden: forbidden)
        }
        guard let columnOfRow = found else { return nil }

        var total = 0.0
        for row in 0..<rows {
            total += matrix.entries[row * columns + columnOfRow[row]]
        }
        guard total.isFinite else { return nil }
        return AssignmentSolution(columnOfRow: columnOfRow.map { $0 }, total: total)
    }

    private static func solveBorrowing(_ costs: [Double], rows: Int, columns: Int, forbidden: Bool) -> [Int]? {
        costs.withUnsafeBufferPointer { buffer in
            // Callers pass at least one row and one column, and a non-empty array always has
            // storage.
            guard let base = buffer.baseAddress else {
                preconditionFailure("a non-empty cost matrix without storage")
            }
            return JonkerVolgenant(costs: base, rows: rows, columns: columns, forbidden: forbidden).solve()
        }
    }
}

/// One Jonker–Volgenant run over a `rows` by `columns` row-major matrix, `rows <= columns`.
///
/// The working arrays are raw buffers owned by this object (freed in `deinit`), so that the
/// hot loops carry no bounds checks or reference counting; the cost matrix is borrowed for the
/// duration of `solve()`.
///
/// Invariant throughout: every assigned row's column is a minimum of the row's reduced costs
/// `cost[i][j] - price[j]`, which is what the final shortest paths rely on. In a rectangular
/// run, unassigned columns also keep price zero: the paths end at them without scanning them.
private final class JonkerVolgenant {
    let costs: UnsafePointer<Double>
    let rows: Int
    let columns: Int
    let rowSolution: UnsafeMutablePointer<Int>
    let columnSolution: UnsafeMutablePointer<Int>
    let price: UnsafeMutablePointer<Double>
    let freeRows: UnsafeMutablePointer<Int>
    let columnList: UnsafeMutablePointer<Int>
    let distance: UnsafeMutablePointer<Double>
    let predecessor: UnsafeMutablePointer<Int>
    let matches: UnsafeMutablePointer<Int>
    var freeCount = 0
    /// Whether some entries are `+infinity` (forbidden): the reductions, which take column
    /// minima, are skipped, and the augmenting paths alone place every row.
    let forbidden: Bool
    /// Set when a row can be reached by no path of finite entries.
    var infeasible = false

    /// `costs` must hold `rows * columns` entries and outlive `solve()`; `1 <= rows <= columns`.
    init(costs: UnsafePointer<Double>, rows: Int, columns: Int, forbidden: Bool) {
        self.costs = costs
        self.forbidden = forbidden
        self.rows = rows
        self.columns = columns
        rowSolution = .allocate(capacity: rows)
        rowSolution.initialize(repeating: -1, count: rows)
        columnSolution = .allocate(capacity: columns)
        columnSolution.initialize(repeating: -1, count: columns)
        price = .allocate(capacity: columns)
        price.initialize(repeating: 0, count: columns)
        freeRows = .allocate(capacity: rows)
        freeRows.initialize(repeating: 0, count: rows)
        columnList = .allocate(capacity: columns)
        columnList.initialize(repeating: 0, count: columns)
        distance = .allocate(capacity: columns)
        distance.initialize(repeating: 0, count: columns)
        predecessor = .allocate(capacity: columns)
        predecessor.initialize(repeating: 0, count: columns)
        matches = .allocate(capacity: rows)
        matches.initialize(repeating: 0, count: rows)
    }

    deinit {
        for buffer in [rowSolution, columnSolution, freeRows, columnList, predecessor, matches] {
            buffer.deallocate()
        }
        price.deallocate()
        distance.deallocate()
    }

    /// Each row's column in a minimum-cost assignment; nil when forbidden entries leave none.
    func solve() -> [Int]? {
        if columns == 1 { return costs[0].isFinite ? [0] : nil }
        run()
        return infeasible ? nil : Array(UnsafeBufferPointer(start: rowSolution, count: rows))
    }

    private func run() {
        if rows == columns && !forbidden {
            reduceColumns()
            transferReductions()
            // Two rounds, as in the original; each keeps the invariant, so more would only be
            // a question of speed.
            reduceAugmentingRows()
            reduceAugmentingRows()
        } else {
            for i in 0..<rows { freeRows[i] = i }
            freeCount = rows
        }
        augment()
    }

    /// Each column's price starts at its smallest entry; a row that is the minimum of one
    /// column or more takes one of them. Scanned row by row to stay in cache.
    private func reduceColumns() {
        let n = columns
        let minimumRow = predecessor  // borrowed as scratch until `augment`
        for j in 0..<n {
            price[j] = costs[j]
            minimumRow[j] = 0
        }
        for i in 1..<n {
            let row = costs + i * n
            for j in 0..<n where row[j] < price[j] {
                price[j] = row[j]
                minimumRow[j] = i
            }
        }
        // Visiting columns from the last one, as in the original, tends to give better starts.
        for j in stride(from: n - 1, through: 0, by: -1) {
            let i = minimumRow[j]
            matches[i] += 1
            if matches[i] == 1 {
                rowSolution[i] = j
                columnSolution[j] = i
            } else if price[j] < price[rowSolution[i]] {
                let previous = rowSolution[i]
                rowSolution[i] = j
                columnSolution[j] = i
                columnSolution[previous] = -1
            } else {
                columnSolution[j] = -1
            }
        }
    }

    /// Rows matched exactly once hand the gap to their second-best column over to their own
    /// column's price; rows matched nowhere become free.
    private func transferReductions() {
        let n = columns
        for i in 0..<n {
            if matches[i] == 0 {
                freeRows[freeCount] = i
                freeCount += 1
            } else if matches[i] == 1 {
                let own = rowSolution[i]
                let row = costs + i * n
                var smallest = Double.infinity
                for j in 0..<n where j != own {
                    let reduced = row[j] - price[j]
                    if reduced < smallest { smallest = reduced }
                }
                price[own] -= smallest
            }
        }
    }

    /// Each free row takes its cheapest column, lowering that column's price to the gap to
    /// its second cheapest; a displaced row is retried at once while prices keep moving.
    private func reduceAugmentingRows() {
        let n = columns
        var position = 0
        let pending = freeCount
        freeCount = 0
        // Bound on immediate retries; past it displaced rows wait for the next stage. Each
        // retry lowers a price strictly, but by amounts that floating point can make tiny.
        var retriesLeft = 8 * n
        while position < pending {
            let i = freeRows[position]
            position += 1
            let row = costs + i * n

            var lowest = row[0] - price[0]
            var lowestColumn = 0
            var second = Double.infinity
            var secondColumn = 0
            for j in 1..<n {
                let reduced = row[j] - price[j]
                if reduced < second {
                    if reduced >= lowest {
                        second = reduced
                        secondColumn = j
                    } else {
                        second = lowest
                        secondColumn = lowestColumn
                        lowest = reduced
                        lowestColumn = j
                    }
                }
            }

            var column = lowestColumn
            var displaced = columnSolution[column]
            let strictlyBetter = lowest < second
            if strictlyBetter {
                price[column] -= second - lowest
            } else if displaced >= 0 {
                column = secondColumn
                displaced = columnSolution[column]
            }
            rowSolution[i] = column
            columnSolution[column] = i

            if displaced >= 0 {
                if strictlyBetter && retriesLeft > 0 {
                    retriesLeft -= 1
                    position -= 1
                    freeRows[position] = displaced
                } else {
                    freeRows[freeCount] = displaced
                    freeCount += 1
                }
            }
        }
    }

    /// Places each remaining free row along a shortest augmenting path (Dijkstra on reduced
    /// costs over columns), then updates the prices of the columns scanned.
    private func augment() {
        let n = columns
        for f in 0..<freeCount {
            let freeRow = freeRows[f]
            let start = costs + freeRow * n
            for j in 0..<n {
                distance[j] = start[j] - price[j]
                predecessor[j] = freeRow
                columnList[j] = j
            }
            // columnList[0..<low] are scanned, [low..<up] are at the current minimum distance
            // and waiting to be scanned, [up..<n] are not yet reached at the minimum.
            var low = 0
            var up = 0
            var last = 0
            var minimum = 0.0
            var endOfPath = -1

            search: while true {
                if up == low {
                    last = low - 1
                    minimum = distance[columnList[up]]
                    up += 1
                    var k = up
                    while k < n {
                        let j = columnList[k]
                        let h = distance[j]
                        if h <= minimum {
                            if h < minimum {
                                up = low
                                minimum = h
                            }
                            columnList[k] = columnList[up]
                            columnList[up] = j
                            up += 1
                        }
                        k += 1
                    }
                    // Only forbidden entries lead on: no full assignment exists.
                    if minimum == .infinity {
                        infeasible = true
                        return
                    }
                    for k in low..<up where columnSolution[columnList[k]] < 0 {
                        endOfPath = columnList[k]
                        break search
                    }
                }

                let scanned = columnList[low]
                low += 1
                let i = columnSolution[scanned]
                let row = costs + i * n
                let offset = row[scanned] - price[scanned] - minimum
                var k = up
                while k < n {
                    let j = columnList[k]
                    let candidate = row[j] - price[j] - offset
                    if candidate < distance[j] {
                        predecessor[j] = i
                        if candidate == minimum {
                            if columnSolution[j] < 0 {
                                endOfPath = j
                                break search
                            }
                            columnList[k] = columnList[up]
                            columnList[up] = j
                            up += 1
                        }
                        distance[j] = candidate
                    }
                    k += 1
                }
            }

            if last >= 0 {
                for k in 0...last {
                    let j = columnList[k]
                    price[j] += distance[j] - minimum
                }
            }

            var column = endOfPath
            while true {
                let i = predecessor[column]
                columnSolution[column] = i
                let next = rowSolution[i]
                rowSolution[i] = column
                column = next
                if i == freeRow { break }
            }
        }
    }
}
