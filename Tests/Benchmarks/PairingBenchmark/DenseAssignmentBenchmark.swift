import PairingEngine
import TestSupport

/// Dense n-by-n assignment on random scores: `LinearAssignment` next to SciPy, same matrix,
/// same run.
struct DenseAssignmentBenchmark {
    enum Distribution: String {
        case uniform = "uniform real scores in [0, 1)"
        case smallIntegers = "integer scores 0-99 (many ties)"
    }

    let baseline: SciPyBaseline

    func run(distribution: Distribution, sizes: [Int]) throws {
        print("Dense assignment, maximize, \(distribution.rawValue), seed 1000+n")
        print("best (median) of the runs; objective = sum of the chosen scores")
        print(
            pad("n", 6) + pad("runs", 6) + pad("Swift JV", 24) + pad("SciPy", 24)
                + pad("Swift objective", 22) + pad("SciPy objective", 22) + "same columns")
        for n in sizes {
            var generator = SplitMix64(seed: 1000 + UInt64(n))
            let entries = (0..<n * n).map { _ -> Double in
                switch distribution {
                case .uniform: generator.unitInterval()
                case .smallIntegers: Double(generator.next() % 100)
                }
            }
            let repeats = n >= 2000 ? 3 : 5
            let (swiftTiming, solution) = try Timing.measure(repeats: repeats) {
                try LinearAssignment.solve(
                    try CostMatrix(rowCount: n, columnCount: n, entries: entries), goal: .maximize)
            }
            let matrix = try CostMatrix(rowCount: n, columnCount: n, entries: entries)
            let scipy = try baseline.solve(matrix, goal: .maximize, repeats: repeats)
            let same = zip(solution.columnOfRow, scipy.columnOfRow).filter { $0 == $1 }.count
            print(
                pad(String(n), 6) + pad(String(repeats), 6)
                    + pad(
                        "\(milliseconds(swiftTiming.best)) (\(milliseconds(swiftTiming.median)))",
                        24)
                    + pad("\(milliseconds(scipy.timing.best)) (\(milliseconds(scipy.timing.median)))", 24)
                    + pad(String(solution.total), 22) + pad(String(scipy.objective), 22)
                    + "\(same)/\(n)")
            let gap = abs(solution.total - scipy.objective) / max(1, abs(scipy.objective))
            if gap > 1e-12 {
                print("  objectives differ by \(gap) relative")
            }
        }
        print("")
    }
}

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
}
