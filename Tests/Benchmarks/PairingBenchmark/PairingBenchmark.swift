import Foundation
import PairingEngine

/// Prints the pairing engine's figures next to SciPy's, measured in the same run.
/// Build with `swift build -c release` and run `.build/release/pairing-benchmark`.
@main
struct PairingBenchmark {
    static func main() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("linear_sum_assignment.py")
        let baseline = SciPyBaseline(script: script)
        let dense = DenseAssignmentBenchmark(baseline: baseline)
        try dense.run(distribution: .uniform, sizes: [500, 1000, 2000])
        try dense.run(distribution: .smallIntegers, sizes: [500, 1000, 2000])

        let rectangular = RectangularAssignmentBenchmark(baseline: baseline)
        try rectangular.run(shapes: [(1000, 300), (300, 1000), (2000, 500)])
        try rectangular.run(shapes: [(1000, 300), (300, 1000)], forbiddenShare: 0.2)

        let cases = CommunityCaseBenchmark(baseline: baseline)
        try cases.run(
            name: "Communities2Gether: 25 impacted communities, 300 candidates",
            request: CommunityCases.communities2Gether, repeats: 5)
        try cases.run(
            name: "Network: 550 communities (150 Israeli, 400 global with capacities 1-3)",
            request: CommunityCases.network(partnersNeeded: 1), repeats: 3)
        try cases.run(
            name: "Network: 550 communities, two partners per Israeli community",
            request: CommunityCases.network(partnersNeeded: 2), repeats: 3)
    }
}
