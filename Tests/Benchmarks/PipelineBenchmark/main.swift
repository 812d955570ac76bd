// The pipeline benchmark: events per second from the registry's outbox to committed effects in
// all three consumers, and the latency from the outbox to each consumer's commit at a steady
// rate, next to the broker's own publish-with-confirms rate for the same fan-out, all in one
// run, on the local stack (`deploy/stack.sh up`). The times are PostgreSQL's own (row insertion
// and commit timestamps), read after the events have flowed, so that measuring takes no
// processor time from the services while they work.
//
//   swift build -c release && .build/release/pipeline-benchmark [--events N] [--rate N] [--seconds N]
//
// The four services run as release executables from the same build folder, each on a fresh
// database, on the test vhost.
import Foundation
import Logging
import TestSupport

var options = PipelineBenchmark.Options()
var arguments = CommandLine.arguments.dropFirst()
while let option = arguments.popFirst() {
    guard let value = arguments.popFirst().flatMap(Int.init), value > 0 else {
        print("\(option) needs a positive number")
        exit(2)
    }
    switch option {
    case "--events": options.events = value
    case "--rate": options.rate = value
    case "--seconds": options.seconds = value
    default:
        print("usage: pipeline-benchmark [--events N] [--rate N] [--seconds N]")
        exit(2)
    }
}

var logger = Logger(label: "pipeline-benchmark")
logger.logLevel = .warning
func milliseconds(_ value: Double) -> String { String(format: "%.1f ms", value) }

do {
    let amqpURL = try LocalStack.testAMQPURL()
    print("broker baseline: \(options.events) persistent messages published with confirms, batches of 500, fanned out to 3 quorum queues")
    let machineBefore = MachineTime.now()
    let baseline = try await PipelineBenchmark.brokerBaseline(amqpURL: amqpURL, count: options.events, batch: 500, logger: logger)
    print(String(format: "  %.0f messages/s", baseline))
    print("  \(MachineTime.now().share(since: machineBefore))")

    let system = try PipelineSystem(logger: logger)
    do {
        try await system.start(amqpURL: amqpURL)
        print("throughput: \(options.events) events committed to the registry's outbox at once, until all three consumers committed them")
        let throughput = try await PipelineBenchmark.throughput(system: system, count: options.events, logger: logger)
        print(
            String(
                format: "  %.0f events/s fanned out to all three consumers (%.0f effects/s); %.1f%% of the broker baseline",
                throughput.rate, throughput.rate * 3, 100 * throughput.rate / baseline))
        print(String(format: "    the relay had published every event at %.0f events/s", throughput.relayRate))
        for (service, rate) in throughput.perConsumer.sorted(by: { $0.key < $1.key }) {
            print(String(format: "    %@ done at %.0f events/s", service, rate))
        }
        // Steadier than the rate on a shared machine: what each event cost in processor time.
        print("  \(ProcessorTime.perEvent(throughput.processorSeconds, events: options.events))")
        print("  \(throughput.machine)")
        print("  PostgreSQL's write-ahead log: \(throughput.walBytes / Int64(options.events)) bytes per event, all services together")
        print(
            "latency: \(options.rate) events/s for \(options.seconds) s, written by pgbench (Poisson arrivals), one single-statement transaction each; "
                + "from the outbox row's insertion")
        let latency = try await PipelineBenchmark.latency(system: system, rate: options.rate, seconds: options.seconds, logger: logger)
        func line(_ name: String, _ values: [Double]) -> String {
            let sorted = values.sorted()
            return "  \(name) (\(sorted.count)): p50 \(milliseconds(PipelineBenchmark.percentile(sorted, 0.5))), "
                + "p90 \(milliseconds(PipelineBenchmark.percentile(sorted, 0.9))), p99 \(milliseconds(PipelineBenchmark.percentile(sorted, 0.99))), "
                + "max \(milliseconds(sorted.last ?? 0))"
        }
        print(line("to the consumer's commit", latency.effects))
        print(line("  of which to the relay's commit after the broker's confirm", latency.confirmed))
        print(line("  of which to the start of the consumer's transaction", latency.handlingStarted))
        print("  \(ProcessorTime.perEvent(latency.processorSeconds, events: latency.written)) (while the events were written)")
        print("  \(latency.machine) (while the events were written)")
    } catch {
        await system.stop()
        throw error
    }
    await system.stop()
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
