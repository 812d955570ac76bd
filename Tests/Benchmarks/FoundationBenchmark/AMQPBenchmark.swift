import AMQP
import CAMQPBaseline
import Foundation
import Logging

/// The AMQP half of the foundation benchmark: persistent publishing with confirms and
/// consuming with one ack per message, through `Shared/AMQP` and through the same loops
/// written in C against librabbitmq, alternately, on the same queue and broker.
enum AMQPBenchmark {
    struct Settings: Sendable {
        var messages = 10_000
        var batchSize = 100
        var prefetch = 100
        var messageSize = 512
        var repetitions = 9
        var quorumQueue = true
        /// Runs only one side (`"c"` or `"swift"`), for profiling.
        var only: String? = nil
    }

    /// One repetition's rates, in messages per second, and the client's CPU time per message
    /// (user and system, all threads of this process), in microseconds.
    struct Round: Sendable {
        var cPublish = 0.0
        var swiftPublish = 0.0
        var cConsume = 0.0
        var swiftConsume = 0.0
        var cPublishCPU = 0.0
        var swiftPublishCPU = 0.0
        var cConsumeCPU = 0.0
        var swiftConsumeCPU = 0.0
    }

    /// A phase's elapsed time and the CPU time this process used meanwhile.
    struct Measurement {
        let elapsed: Duration
        let cpuSeconds: Double
    }

    struct Report: Sendable, CustomStringConvertible {
        let settings: Settings
        let rounds: [Round]

        var medianPublishRatio: Double { median(rounds.map { $0.swiftPublish / $0.cPublish }) }
        var medianConsumeRatio: Double { median(rounds.map { $0.swiftConsume / $0.cConsume }) }

        var description: String {
            var lines = [
                "AMQP: \(settings.messages) persistent messages of \(settings.messageSize) bytes, "
                    + "\(settings.quorumQueue ? "quorum" : "classic durable") queue; publish in batches of "
                    + "\(settings.batchSize) awaiting confirms; consume with prefetch \(settings.prefetch), one ack each",
                row("round", "publish C", "publish Swift", "ratio", "consume C", "consume Swift", "ratio"),
            ]
            for (index, round) in rounds.enumerated() {
                lines.append(
                    row(
                        "\(index + 1)", rate(round.cPublish), rate(round.swiftPublish),
                        percent(round.swiftPublish / round.cPublish), rate(round.cConsume), rate(round.swiftConsume),
                        percent(round.swiftConsume / round.cConsume)))
            }
            lines.append(
                row(
                    "median", rate(median(rounds.map(\.cPublish))), rate(median(rounds.map(\.swiftPublish))),
                    percent(medianPublishRatio), rate(median(rounds.map(\.cConsume))),
                    rate(median(rounds.map(\.swiftConsume))), percent(medianConsumeRatio)))
            lines.append(
                "client CPU per message (median, µs): publish C \(micros(median(rounds.map(\.cPublishCPU)))), "
                    + "Swift \(micros(median(rounds.map(\.swiftPublishCPU)))); consume C "
                    + "\(micros(median(rounds.map(\.cConsumeCPU)))), Swift \(micros(median(rounds.map(\.swiftConsumeCPU))))")
            lines.append("(rates in messages per second; ratio = Swift / C, goal at least 90%)")
            return lines.joined(separator: "\n")
        }

        private func row(_ columns: String...) -> String {
            let widths = [7, 12, 14, 8, 12, 14, 8]
            return zip(columns, widths).map { column, width in
                column.count >= width ? column : String(repeating: " ", count: width - column.count) + column
            }.joined(separator: " ")
        }

        private func rate(_ value: Double) -> String { String(format: "%.0f", value) }
        private func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
        private func micros(_ value: Double) -> String { String(format: "%.1f", value) }
    }

    static func run(url: String, settings: Settings, logger: Logger) async throws -> Report {
        let configuration = try AMQPConfiguration(url: url)
        let admin = try await AMQPConnection.connect(configuration, logger: logger)
        let queue = "bench.amqp.\(UUID().uuidString.prefix(8).lowercased())"
        try await admin.declare(settings.quorumQueue ? AMQPQueue.quorum(queue) : AMQPQueue(name: queue))

        var rounds: [Round] = []
        for repetition in 0..<settings.repetitions {
            try await admin.purge(queue: queue)
            var round = Round()
            // Alternate which client goes first, so that neither always meets a warmer broker.
            for swift in repetition % 2 == 0 ? [false, true] : [true, false]
            where settings.only == nil || settings.only == (swift ? "swift" : "c") {
                if swift {
                    let publish = try await measure { try await swiftPublish(configuration, queue, settings, logger) }
                    let consume = try await measure { try await swiftConsume(configuration, queue, settings, logger) }
                    (round.swiftPublish, round.swiftPublishCPU) = (rate(settings, publish), cpu(settings, publish))
                    (round.swiftConsume, round.swiftConsumeCPU) = (rate(settings, consume), cpu(settings, consume))
                } else {
                    let publish = try await measure { try await cPublish(configuration, queue, settings) }
                    let consume = try await measure { try await cConsume(configuration, queue, settings) }
                    (round.cPublish, round.cPublishCPU) = (rate(settings, publish), cpu(settings, publish))
                    (round.cConsume, round.cConsumeCPU) = (rate(settings, consume), cpu(settings, consume))
                }
            }
            rounds.append(round)
        }
        try await admin.delete(queue: queue)
        await admin.close()
        return Report(settings: settings, rounds: rounds)
    }

    // MARK: Swift

    static func swiftPublish(
        _ configuration: AMQPConfiguration, _ queue: String, _ settings: Settings, _ logger: Logger
    ) async throws -> Duration {
        let connection = try await AMQPConnection.connect(configuration, logger: logger)
        let publisher = try await connection.makePublisher()
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: settings.messageSize)
        let clock = ContinuousClock()
        let start = clock.now
        var sent = 0
        while sent < settings.messages {
            let count = min(settings.batchSize, settings.messages - sent)
            var batch: [AMQPMessage] = []
            batch.reserveCapacity(count)
            for index in sent..<sent + count {
                batch.append(
                    AMQPMessage(
                        exchange: "", routingKey: queue, body: body,
                        properties: AMQPProperties(
                            contentType: "application/json", deliveryMode: .persistent, messageID: "m-\(index)")))
            }
            try await publisher.publishConfirmed(batch)
            sent += count
        }
        let elapsed = clock.now - start
        await connection.close()
        return elapsed
    }

    static func swiftConsume(
        _ configuration: AMQPConfiguration, _ queue: String, _ settings: Settings, _ logger: Logger
    ) async throws -> Duration {
        let connection = try await AMQPConnection.connect(configuration, logger: logger)
        let clock = ContinuousClock()
        let start = clock.now
        let consumer = try await connection.consume(from: queue, prefetch: UInt16(settings.prefetch))
        var received = 0
        for try await delivery in consumer {
            try await delivery.ack()
            received += 1
            if received == settings.messages { break }
        }
        let elapsed = clock.now - start
        await connection.close()
        return elapsed
    }

    // MARK: C

    struct BaselineFailure: Error, CustomStringConvertible {
        let description: String
    }

    static func cPublish(_ configuration: AMQPConfiguration, _ queue: String, _ settings: Settings) async throws
        -> Duration
    {
        try await baseline(configuration, queue) { broker, queue, seconds, error, size in
            p2g_baseline_publish(
                broker, queue, Int32(settings.messages), Int32(settings.batchSize), Int32(settings.messageSize),
                seconds, error, size)
        }
    }

    static func cConsume(_ configuration: AMQPConfiguration, _ queue: String, _ settings: Settings) async throws
        -> Duration
    {
        try await baseline(configuration, queue) { broker, queue, seconds, error, size in
            p2g_baseline_consume(broker, queue, Int32(settings.messages), Int32(settings.prefetch), seconds, error, size)
        }
    }

    /// Runs a C loop on a thread of its own (it blocks), with the broker's settings as C strings.
    private static func baseline(
        _ configuration: AMQPConfiguration, _ queue: String,
        _ loop:
            @escaping @Sendable (
                p2g_baseline_broker, UnsafePointer<CChar>, UnsafeMutablePointer<Double>, UnsafeMutablePointer<CChar>, Int
            ) -> Int32
    ) async throws -> Duration {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                let strings = [configuration.host, configuration.user, configuration.password, configuration.vhost, queue]
                    .map { (text: String) -> UnsafeMutablePointer<CChar>? in strdup(text) }
                defer { for string in strings { free(string) } }
                guard let host = strings[0], let user = strings[1], let password = strings[2], let vhost = strings[3],
                    let queue = strings[4]
                else {
                    continuation.resume(throwing: BaselineFailure(description: "out of memory"))
                    return
                }
                let broker = p2g_baseline_broker(
                    host: host, port: Int32(configuration.port), user: user, password: password, vhost: vhost)
                var seconds = 0.0
                let error = UnsafeMutablePointer<CChar>.allocate(capacity: 512)
                defer { error.deallocate() }
                error.initialize(repeating: 0, count: 512)
                if loop(broker, queue, &seconds, error, 512) == 0 {
                    continuation.resume(returning: .nanoseconds(Int64(seconds * 1e9)))
                } else {
                    continuation.resume(throwing: BaselineFailure(description: "C baseline: \(String(cString: error))"))
                }
            }.start()
        }
    }

    private static func measure(_ phase: () async throws -> Duration) async throws -> Measurement {
        let before = processCPUSeconds()
        let elapsed = try await phase()
        return Measurement(elapsed: elapsed, cpuSeconds: processCPUSeconds() - before)
    }

    private static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_stime.tv_usec) / 1e6
    }

    private static func rate(_ settings: Settings, _ measurement: Measurement) -> Double {
        let (seconds, attoseconds) = measurement.elapsed.components
        return Double(settings.messages) / (Double(seconds) + Double(attoseconds) / 1e18)
    }

    private static func cpu(_ settings: Settings, _ measurement: Measurement) -> Double {
        measurement.cpuSeconds / Double(settings.messages) * 1e6
    }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted.count % 2 == 1
        ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}
