import Foundation
import PairingEngine
import TestSupport

/// Rectangular assignment, tall and wide, minimising and maximising, and with forbidden
/// (infinite) entries: `LinearAssignment` next to SciPy, same matrix, same run.
struct RectangularAssignmentBenchmark {
    let baseline: SciPyBaseline

    func run(shapes: [(rows: Int, columns: Int)], forbiddenShare: Double = 0) throws {
        let forbidden = forbiddenShare > 0 ? ", \(Int(forbiddenShare * 100))% of the entries forbidden (infinite)" : ""
        print("Rectangular assignment, uniform real entries in [0, 1)\(forbidden), seed 2000+rows+columns")
        print("best (median) of 5 runs; objective = sum of the chosen entries")
        print(
            pad("shape", 12) + pad("goal", 10) + pad("Swift JV", 24) + pad("SciPy", 24) + pad("Swift/SciPy", 13)
                + "objectives")
        for shape in shapes {
            for goal in [AssignmentGoal.minimize, .maximize] {
                var generator = SplitMix64(seed: 2000 + UInt64(shape.rows + shape.columns))
                let forbiddenEntry = goal == .minimize ? Double.infinity : -Double.infinity
                let entries = (0..<shape.rows * shape.columns).map { _ -> Double in
                    let value = generator.unitInterval()
                    return generator.unitInterval() < forbiddenShare ? forbiddenEntry : value
                }
                let matrix = try CostMatrix(rowCount: shape.rows, columnCount: shape.columns, entries: entries)
                let (swiftTiming, solution) = try Timing.measure(repeats: 5) {
                    try LinearAssignment.solve(matrix, goal: goal)
                }
                let scipy = try baseline.solve(matrix, goal: goal, repeats: 5)
                let gap = abs(solution.total - scipy.objective) / max(1, abs(scipy.objective))
                print(
                    pad("\(shape.rows)x\(shape.columns)", 12) + pad(goal == .minimize ? "minimize" : "maximize", 10)
                        + pad("\(milliseconds(swiftTiming.best)) (\(milliseconds(swiftTiming.median)))", 24)
                        + pad("\(milliseconds(scipy.timing.best)) (\(milliseconds(scipy.timing.median)))", 24)
                        + pad(String(format: "%.2f", swiftTiming.best / scipy.timing.best), 13)
                        + (gap <= 1e-12 ? "equal" : "differ by \(gap) relative"))
            }
        }
        print("")
    }
}
