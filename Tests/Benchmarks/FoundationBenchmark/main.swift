import Foundation
import Logging
import TestSupport

// The foundation benchmark: figures next to a baseline measured in the same run, on the
// local stack (`deploy/stack.sh up`). Options: --messages N --batch N --prefetch N --size N
// --repetitions N --classic (a classic durable queue instead of a quorum queue), --only c|swift
// (one side only, for profiling).
var settings = AMQPBenchmark.Settings()
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
    case "--messages": settings.messages = number()
    case "--batch": settings.batchSize = number()
    case "--prefetch": settings.prefetch = number()
    case "--size": settings.messageSize = number()
    case "--repetitions": settings.repetitions = number()
    case "--classic": settings.quorumQueue = false
    case "--only": settings.only = arguments.popFirst()
    default:
        print("unknown option \(option); see Tests/Benchmarks/FoundationBenchmark/main.swift")
        exit(2)
    }
}

var logger = Logger(label: "foundation-benchmark")
logger.logLevel = .warning
let report = try await AMQPBenchmark.run(url: try LocalStack.testAMQPURL(), settings: settings, logger: logger)
print(report)
