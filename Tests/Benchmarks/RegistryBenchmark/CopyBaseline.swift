import Foundation
import TestSupport

/// `psql \copy` of the rows an import made into the same tables of an empty database with the
/// same schema: the rate at which PostgreSQL takes those rows with nothing checked and nothing
/// announced.
enum CopyBaseline {
    /// The registry's tables that hold what an import makes, in the order their keys need.
    static let tables = ["communities", "partnerships", "partnership_memberships", "volunteers", "committees", "committee_seats"]

    static func measure(from source: String, into target: String) async throws -> (rows: Int, seconds: Double, rate: Double) {
        let psql = try LocalStack.postgresProgram("psql")
        let pgDump = try LocalStack.postgresProgram("pg_dump")
        let sourceURL = try LocalStack.testDatabaseURL(database: source)
        let targetURL = try LocalStack.testDatabaseURL(database: target)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("registry-benchmark-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let schema = folder.appendingPathComponent("schema.sql").path
        _ = try await run([pgDump, "--schema-only", "--no-owner", "--no-privileges", "--file", schema, sourceURL])
        _ = try await run([psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", schema, targetURL])
        var rows = 0
        var load = ""
        for table in tables {
            let file = folder.appendingPathComponent("\(table).csv").path
            _ = try await run([psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", "\\copy \(table) TO '\(file)' (FORMAT csv)", sourceURL])
            rows += try String(contentsOfFile: file, encoding: .utf8).reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
            load += "\\copy \(table) FROM '\(file)' (FORMAT csv)\n"
        }
        let script = folder.appendingPathComponent("load.sql").path
        try load.write(toFile: script, atomically: true, encoding: .utf8)
        let started = ContinuousClock.now
        _ = try await run([psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-1", "-f", script, targetURL])
        let seconds = (ContinuousClock.now - started).seconds
        return (rows, seconds, Double(rows) / seconds)
    }

    static func run(_ arguments: [String]) async throws -> String {
        let result = try await ChildProcess.run(arguments)
        guard result.status == 0 else {
            throw BenchmarkFailure(
                "\(arguments.prefix(2).joined(separator: " ")) exited with \(result.status): \(result.output.prefix(500))")
        }
        return result.output
    }
}
