// The foundation benchmark: Shared/Postgres and Shared/AMQP next to C baselines, on the local
// stack (`deploy/stack.sh up`). Run in release mode:
//   swift run -c release foundation-benchmark [--seconds N] [--repetitions N]
import Foundation

var postgresOptions = PostgresBenchmark.Options()
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--seconds": postgresOptions.seconds = Double(arguments.next() ?? "") ?? postgresOptions.seconds
    case "--repetitions": postgresOptions.repetitions = Int(arguments.next() ?? "") ?? postgresOptions.repetitions
    default:
        print("usage: foundation-benchmark [--seconds N] [--repetitions N]")
        exit(2)
    }
}

let report = BenchmarkReport()
print("PostgreSQL (medians of \(postgresOptions.repetitions) runs of \(Int(postgresOptions.seconds)) s):")
do {
    try await PostgresBenchmark.run(options: postgresOptions, report: report)
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
