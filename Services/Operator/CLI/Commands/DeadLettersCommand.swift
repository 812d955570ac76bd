import AMQP
import ArgumentParser

/// `p2gctl dead-letters`: how many messages each consumer has parked, and with `--show N` the
/// first N of them, left in their queue.
struct DeadLettersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dead-letters",
        abstract: "Count the parked messages of each consumer; --show lists the first ones without removing them.")

    @Option(name: .long, help: "Only this service: \(OperatedService.consumers.map(\.name).joined(separator: ", ")).")
    var service: OperatedService?

    @Option(name: .long, help: "List the first N parked messages of each queue (they stay parked, in their order).")
    var show: Int?

    func validate() throws {
        if let service, !service.consumesEvents {
            throw ValidationError(
                "\(service.name) consumes no events, so it has no dead-letter queue; choose \(OperatedService.consumers.map(\.name).joined(separator: ", "))")
        }
        if let show, show < 1 { throw ValidationError("--show takes a number of messages, 1 or more") }
    }

    func run() async throws {
        let services = service.map { [$0] } ?? OperatedService.consumers
        try await Broker.withConnection(OperatorSettings()) { connection in
            var table = TextTable(headers: ["SERVICE", "DEAD-LETTER QUEUE", "PARKED", "WORK QUEUE", "READY", "CONSUMERS"])
            var parkedCounts: [OperatedService: Int] = [:]
            for service in services {
                let parked = try await DeadLetterQueue(of: service, connection: connection).count()
                let work = try await Self.status(of: service.workQueue, on: connection)
                parkedCounts[service] = parked
                table.append([
                    service.name, service.deadLetterQueue, parked.map(String.init) ?? "no queue", service.workQueue,
                    work.map { String($0.messageCount) } ?? "no queue", work.map { String($0.consumerCount) } ?? "-",
                ])
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
        } catch where error.kind == .notFound {
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
