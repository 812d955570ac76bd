import AMQP
import ArgumentParser
import Contracts

/// `p2gctl dead-letters`: how many messages each consumer has parked, and with `--show N` the
/// first N of them, left in their queue.
struct DeadLettersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dead-letters",
        abstract: "Count the parked messages of each consumer; --show lists the first ones without removing them.")

    @Option(name: .long, help: "Only this service: \(ServiceIdentity.all.map(\.name).joined(separator: ", ")).")
    var service: ServiceIdentity?

    @Option(name: .long, help: "List the first N parked messages of each queue (they stay parked, in their order).")
    var show: Int?

    func validate() throws {
        if let show, show < 1 { throw ValidationError("--show takes a number of messages, 1 or more") }
    }

    func run() async throws {
        let services = service.map { [$0] } ?? ServiceIdentity.all
        try await Broker.withConnection(OperatorSettings()) { connection in
            var table = TextTable(headers: ["SERVICE", "DEAD-LETTER QUEUE", "PARKED", "WORK QUEUE", "READY", "CONSUMERS"])
            var parkedCounts: [ServiceIdentity: Int] = [:]
            for service in services {
                let parked = try await DeadLetterQueue(of: service, connection: connection).count()
                parkedCounts[service] = parked
                // A service has the work queues its handlers call for: events, commands, or both.
                var works: [(queue: String, status: AMQPQueueStatus)] = []
                for queue in service.workQueues {
                    if let status = try await Self.status(of: queue, on: connection) { works.append((queue, status)) }
                }
                let parkedText = parked.map(String.init) ?? "no queue"
                if works.isEmpty { table.append([service.name, service.deadLetterQueue, parkedText, "no queue", "-", "-"]) }
                for (index, work) in works.enumerated() {
                    table.append([
                        index == 0 ? service.name : "", index == 0 ? service.deadLetterQueue : "", index == 0 ? parkedText : "", work.queue,
                        String(work.status.messageCount), String(work.status.consumerCount),
                    ])
                }
            }
            print(table.render())
            guard let show else { return }
            for service in services where (parkedCounts[service] ?? 0) > 0 {
                let messages = try await DeadLetterQueue(of: service, connection: connection).browse(limit: show)
                print("")
                print("\(service.deadLetterQueue): the first \(messages.count) of \(parkedCounts[service] ?? 0), left in the queue")
                print(Self.render(messages))
            }
        }
    }

    static func status(of queue: String, on connection: AMQPConnection) async throws -> AMQPQueueStatus? {
        do {
            return try await connection.queueStatus(queue)
        } catch  where error.code == .notFound {
            return nil
        }
    }

    /// The parked messages as a table, the reason last because it is the longest.
    static func render(_ messages: [ParkedMessage]) -> String {
        var table = TextTable(headers: ["MESSAGE ID", "TYPE", "ATTEMPTS", "FAILED AT", "FROM", "ERROR"])
        for message in messages {
            table.append([
                message.messageID ?? "(none)", message.type ?? "(none)", message.attempts.map(String.init) ?? "-",
                message.failedAt ?? "-", message.originalQueue ?? "-", message.reason,
            ])
        }
        return table.render()
    }
}
