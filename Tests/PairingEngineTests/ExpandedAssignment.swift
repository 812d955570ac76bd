@testable import PairingEngine

/// A second, independent way to the optimum when every impacted community needs one partner:
/// the dense assignment solver on a matrix with one column per place a supporting community
/// offers and one "left unpaired" column per impacted community. The lexicographic objective
/// is folded into one exact `Double`: a large bonus per pairing, then the score in
/// micro-points scaled above the count of kept pairs.
enum ExpandedAssignment {
    static func optimum(_ request: PairingRequest) throws -> PairingObjective {
        let problem = try PairingProblem(request)
        precondition(problem.partnersNeeded.allSatisfy { $0 == 1 }, "one partner each only")
        let rows = (0..<problem.impactedCount).filter { problem.lockedCount.impacted[$0] == 0 }
        var places: [Int] = []
        for s in 0..<problem.supportingCount {
            let room = problem.capacity[s] - problem.lockedCount.supporting[s]
            places += Array(repeating: s, count: max(0, room))
        }
        let keptScale = Double(problem.impactedCount + 1)
        let pairingBonus = 1e10
        let columns = places.count + rows.count
        var entries = [Double](repeating: 0, count: rows.count * columns)
        for (r, i) in rows.enumerated() {
            for (c, s) in places.enumerated() {
                let cell = problem.cell(i, s)
                entries[r * columns + c] =
                    problem.isForbidden[cell]
                    ? -1e13
                    : pairingBonus + Double(problem.totals[cell].micropoints) * keptScale
                        + (problem.wasPrevious[cell] ? 1 : 0)
            }
        }
        let solution = try LinearAssignment.solve(
            try CostMatrix(rowCount: rows.count, columnCount: columns, entries: entries),
            goal: .maximize)

        var objective = PairingObjective.zero
        for cell in problem.isLocked.indices where problem.isLocked[cell] {
            objective =
                objective
                + PairingObjective(
                    pairings: 1, micropoints: problem.totals[cell].micropoints,
                    kept: problem.wasPrevious[cell] ? 1 : 0)
        }
        for (r, i) in rows.enumerated() {
            guard let c = solution.columnOfRow[r], c < places.count else { continue }
            let cell = problem.cell(i, places[c])
            precondition(!problem.isForbidden[cell], "instance needs a forbidden pair")
            objective =
                objective
                + PairingObjective(
                    pairings: 1, micropoints: problem.totals[cell].micropoints,
                    kept: problem.wasPrevious[cell] ? 1 : 0)
        }
        return objective
    }
}
