import Foundation
import PairingEngine

/// SciPy's `linear_sum_assignment` on the same matrix, through the helper script beside this
/// file, so that both solvers are measured in the same run on the same machine.
struct SciPyBaseline {
    struct Run {
        var timing: Timing
        var objective: Double
        var columnOfRow: [Int]
        var version: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let script: URL

    func solve(_ matrix: CostMatrix, goal: AssignmentGoal, repeats: Int) throws -> Run {
        let directory = FileManager.default.temporaryDirectory
        let stem = "p2g-pairing-benchmark-\(ProcessInfo.processInfo.processIdentifier)"
        let matrixFile = directory.appendingPathComponent("\(stem)-matrix.f64")
        let columnsFile = directory.appendingPathComponent("\(stem)-columns.i64")
        defer {
            try? FileManager.default.removeItem(at: matrixFile)
            try? FileManager.default.removeItem(at: columnsFile)
        }
        try matrix.entries.withUnsafeBytes { Data($0) }.write(to: matrixFile)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", script.path, matrixFile.path, String(matrix.rowCount),
            String(matrix.columnCount), goal == .maximize ? "maximize" : "minimize",
            String(repeats), columnsFile.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                description: "\(script.lastPathComponent) exited with \(process.terminationStatus)")
        }

        struct Report: Decodable {
            var seconds: [Double]
            var objective: Double
            var scipy: String
        }
        let report = try JSONDecoder().decode(Report.self, from: data)
        let columns = try Data(contentsOf: columnsFile).withUnsafeBytes {
            Array($0.bindMemory(to: Int64.self)).map { Int($0) }
        }
        return Run(
            timing: Timing(seconds: report.seconds), objective: report.objective,
            columnOfRow: columns, version: report.scipy)
    }
}
