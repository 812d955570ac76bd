// The foundation benchmark: Shared/Postgres and Shared/AMQP next to baselines measured in the
// same run, on the local stack (`deploy/stack.sh up`). Build in release mode:
//
//   swift run -c release foundation-benchmark [--part postgres|unnest|keys|amqp|all] [options]
//
// `--part unnest` runs only PostgreSQL's set-based INSERT row. `--part keys` runs the inbox
// INSERT with time-ordered ids against random ones, into an inbox holding --held N ids
// (1,000,000) right after a checkpoint; it needs P2G_ADMIN_DATABASE_URL for the checkpoint.
//
// PostgreSQL options: --seconds N (per measurement), --pg-repetitions N, --held N.
// AMQP options: --messages N --batch N --prefetch N --size N --repetitions N
//   --classic (a classic durable queue instead of a quorum queue) --only c|swift.
import Foundation
import Logging
import TestSupport

var part = "all"
var postgresOptions = PostgresBenchmark.Options()
var amqpSettings = AMQPBenchmark.Settings()
var arguments = CommandLine.arguments.dropFirst()
while let option = arguments.popFirst() {
    func number() -> Int {
        guard let text = arguments.popFirst(), let value = Int(text), value > 0 else {
            print("\(option) needs a positive number")
            exit(2)
        }
        return value
    }
    switch option {
    case "--part":
        part = arguments.popFirst() ?? ""
        guard ["postgres", "unnest", "keys", "amqp", "all"].contains(part) else {
            print("--part takes postgres, unnest, keys, amqp or all")
            exit(2)
        }
    case "--seconds": postgresOptions.seconds = Double(number())
    case "--pg-repetitions": postgresOptions.repetitions = number()
    case "--held": postgresOptions.heldRows = number()
    case "--messages": amqpSettings.messages = number()
    case "--batch": amqpSettings.batchSize = number()
    case "--prefetch": amqpSettings.prefetch = number()
    case "--size": amqpSettings.messageSize = number()
    case "--repetitions": amqpSettings.repetitions = number()
    case "--classic": amqpSettings.quorumQueue = false
    case "--only": amqpSettings.only = arguments.popFirst()
    default:
        print("unknown option \(option); see Tests/Benchmarks/FoundationBenchmark/main.swift")
        exit(2)
    }
}

do {
    if part == "all" || part == "postgres" || part == "unnest" || part == "keys" {
        print("PostgreSQL (medians of \(postgresOptions.repetitions) runs of \(Int(postgresOptions.seconds)) s each):")
        if part == "unnest" {
            try await PostgresBenchmark.runSetBasedInserts(options: postgresOptions, report: BenchmarkReport())
        } else if part == "keys" {
            try await KeyOrderBenchmark.run(options: postgresOptions, report: BenchmarkReport())
        } else {
            try await PostgresBenchmark.run(options: postgresOptions, report: BenchmarkReport())
            if part == "all" { try await KeyOrderBenchmark.run(options: postgresOptions, report: BenchmarkReport()) }
        }
        print()
    }
    if part == "all" || part == "amqp" {
        var logger = Logger(label: "foundation-benchmark")
        logger.logLevel = .warning
        print(try await AMQPBenchmark.run(url: try LocalStack.testAMQPURL(), settings: amqpSettings, logger: logger))
    }
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
