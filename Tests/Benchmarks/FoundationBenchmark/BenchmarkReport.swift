import Foundation
import TestSupport

/// Collects benchmark rows and prints them: the Swift figure, each baseline measured in the
/// same run, and the ratio to the best baseline.
final class BenchmarkReport {
    private(set) var lines: [String] = []

    func row(_ name: String, unit: String, swift: Double, baselines: [(String, Double)]) {
        let best = baselines.map(\.1).max() ?? 0
        var line = "\(name.padding(toLength: 44, withPad: " ", startingAt: 0)) Swift \(format(swift)) \(unit)"
        for (label, value) in baselines {
            line += " | \(label) \(format(value)) \(unit) (\(percent(swift, value)))"
        }
        line += " | vs best baseline: \(percent(swift, best))"
        lines.append(line)
        print(line)
    }

    private func format(_ value: Double) -> String { String(format: "%.0f", value) }
    private func percent(_ value: Double, _ baseline: Double) -> String {
        baseline > 0 ? String(format: "%.1f%%", 100 * value / baseline) : "n/a"
    }
}

/// A benchmark could not run.
struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs a command and returns its output, failing on a non-zero exit.
func runCommand(_ arguments: [String]) async throws -> String {
    let result = try await ChildProcess.run(arguments)
    guard result.status == 0 else {
        throw BenchmarkFailure("\(arguments.joined(separator: " ")) exited with \(result.status): \(result.output)")
    }
    return result.output
}

/// Runs a command and returns how long it took, in seconds.
func timeCommand(_ arguments: [String]) async throws -> Double {
    let started = ContinuousClock.now
    _ = try await runCommand(arguments)
    return (ContinuousClock.now - started).seconds
}
