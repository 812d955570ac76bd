import TestSupport
import Testing

@testable import PairingEngine

@Suite("Dense linear assignment")
struct LinearAssignmentTests {
    /// The best total over every permutation (rows ≤ columns: every injection).
    func bruteForce(_ matrix: CostMatrix, goal: AssignmentGoal) -> Double {
        var best = goal == .minimize ? Double.infinity : -Double.infinity
        var used = Array(repeating: false, count: matrix.columnCount)
        func visit(_ row: Int, _ total: Double) {
            if row == matrix.rowCount {
                best = goal == .minimize ? min(best, total) : max(best, total)
                return
            }
            for column in 0..<matrix.columnCount where !used[column] {
                used[column] = true
                visit(row + 1, total + matrix[row, column])
                used[column] = false
            }
        }
        visit(0, 0)
        return best
    }

    func randomMatrix(
        rows: Int, columns: Int, integers: Bool, using generator: inout SplitMix64
    ) throws -> CostMatrix {
        try CostMatrix(
            rowCount: rows, columnCount: columns,
            entries: (0..<rows * columns).map { _ in
                integers
                    ? Double(Int.random(in: 0..<5, using: &generator))
                    : Double.random(in: -10..<10, using: &generator)
            })
    }

    func check(_ solution: AssignmentSolution, of matrix: CostMatrix) {
        let columns = solution.columnOfRow.compactMap { $0 }
        #expect(columns.count == min(matrix.rowCount, matrix.columnCount))
        #expect(Set(columns).count == columns.count)
        var total = 0.0
        for (row, column) in solution.columnOfRow.enumerated() {
            if let column { total += matrix[row, column] }
        }
        #expect(abs(total - solution.total) < 1e-9)
    }

    @Test("matches brute force on random square and rectangular matrices up to 7")
    func bruteForceAgreement() throws {
        var generator = SplitMix64(seed: 42)
        for trial in 0..<400 {
            let rows = Int.random(in: 1...7, using: &generator)
            let columns = Int.random(in: 1...7, using: &generator)
            let matrix = try randomMatrix(
                rows: rows, columns: columns, integers: trial % 2 == 0, using: &generator)
            let transposedMatrix = try CostMatrix(
                rowCount: columns, columnCount: rows,
                entries: (0..<rows * columns).map { matrix[$0 % rows, $0 / rows] })
            for goal in [AssignmentGoal.minimize, .maximize] {
                let solution = try LinearAssignment.solve(matrix, goal: goal)
                check(solution, of: matrix)
                // Brute force over the smaller side's injections.
                let expected =
                    rows <= columns
                    ? bruteForce(matrix, goal: goal) : bruteForce(transposedMatrix, goal: goal)
                #expect(abs(solution.total - expected) < 1e-9, "trial \(trial) \(goal)")
            }
        }
    }

    @Test("agrees with the minimum-cost flow solver on larger integer matrices")
    func agreesWithFlow() throws {
        var generator = SplitMix64(seed: 7)
        for (rows, columns) in [(40, 40), (30, 70), (90, 90)] {
            let values = (0..<rows * columns).map { _ in Int64.random(in: 0..<1_000, using: &generator) }
            let matrix = try CostMatrix(
                rowCount: rows, columnCount: columns, entries: values.map(Double.init))
            let solution = try LinearAssignment.solve(matrix)
            check(solution, of: matrix)
            let flow = BipartiteFlow(
                rowCount: rows, columnCount: columns,
                rowDemand: Array(repeating: 1, count: rows),
                columnCapacity: Array(repeating: 1, count: columns),
                allowed: Array(repeating: true, count: values.count),
                cost: values.map { FlowCost(primary: $0, secondary: 0) }
            ).solve()
            var flowTotal: Int64 = 0
            for cell in flow.indices where flow[cell] { flowTotal += values[cell] }
            #expect(flow.filter { $0 }.count == rows)
            #expect(solution.total == Double(flowTotal), "\(rows)x\(columns)")
        }
    }

    @Test("handles empty and single-entry matrices")
    func edges() throws {
        let empty = try LinearAssignment.solve(try CostMatrix(rowCount: 0, columnCount: 3, entries: []))
        #expect(empty.columnOfRow.isEmpty && empty.total == 0)
        let single = try LinearAssignment.solve(
            try CostMatrix(rowCount: 1, columnCount: 1, entries: [4]), goal: .maximize)
        #expect(single.columnOfRow == [0] && single.total == 4)
        let tall = try LinearAssignment.solve(
            try CostMatrix(rowCount: 3, columnCount: 1, entries: [5, 1, 3]))
        #expect(tall.columnOfRow == [nil, 0, nil] && tall.total == 1)
    }
    @Test("takes an infinite entry as a forbidden pair, as SciPy does, and says when no full assignment avoids them")
    func forbiddenEntries() throws {
        var generator = SplitMix64(seed: 11)
        var infeasible = 0
        for trial in 0..<400 {
            let rows = Int.random(in: 1...6, using: &generator)
            let columns = Int.random(in: 1...6, using: &generator)
            for goal in [AssignmentGoal.minimize, .maximize] {
                let forbidden = goal == .minimize ? Double.infinity : -Double.infinity
                let entries = (0..<rows * columns).map { _ in
                    Int.random(in: 0..<10, using: &generator) < 4 ? forbidden : Double(Int.random(in: -5..<20, using: &generator))
                }
                let matrix = try CostMatrix(rowCount: rows, columnCount: columns, entries: entries)
                let transposed = try CostMatrix(
                    rowCount: columns, columnCount: rows, entries: (0..<rows * columns).map { matrix[$0 % rows, $0 / rows] })
                let expected = rows <= columns ? bruteForce(matrix, goal: goal) : bruteForce(transposed, goal: goal)
                if expected.isFinite {
                    let solution = try LinearAssignment.solve(matrix, goal: goal)
                    check(solution, of: matrix)
                    #expect(solution.total == expected, "trial \(trial) \(goal)")
                } else {
                    infeasible += 1
                    let error = #expect(throws: PairingInputError.self) { try LinearAssignment.solve(matrix, goal: goal) }
                    #expect(error?.code == .infeasibleAssignment, "trial \(trial) \(goal)")
                }
            }
        }
        #expect(infeasible > 0)
    }

    @Test("refuses an infinite entry that would make the optimum unbounded")
    func unboundedEntries() throws {
        let minimizing = try CostMatrix(rowCount: 2, columnCount: 2, entries: [1, -.infinity, 3, 4])
        #expect(throws: PairingInputError.self) { try LinearAssignment.solve(minimizing) }
        let maximizing = try CostMatrix(rowCount: 2, columnCount: 2, entries: [1, .infinity, 3, 4])
        #expect(throws: PairingInputError.self) { try LinearAssignment.solve(maximizing, goal: .maximize) }
        // The forbidden pair of each goal is taken as such.
        #expect(try LinearAssignment.solve(maximizing).columnOfRow == [0, 1])
        #expect(try LinearAssignment.solve(minimizing, goal: .maximize).columnOfRow == [0, 1])
    }
}
