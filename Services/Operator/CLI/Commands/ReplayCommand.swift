import ArgumentParser
import Contracts

/// `p2gctl replay`: moves parked messages back to the queue they were taken from.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Move parked messages back to their original queue, without the parking headers.",
        discussion: """
            Each message is published with publisher confirms to the queue it was parked from, and \
            removed from the dead-letter queue only after the broker confirmed it: a failure in between \
            leaves a copy in both queues, never in none (consumers skip a message id they have handled). \
            Fix the cause first (see the ERROR column of p2gctl dead-letters --show), or the message \
            comes back to the dead-letter queue.
            """)

    @Option(name: .long, help: "The service whose parked messages to replay: \(ServiceIdentity.all.map(\.name).joined(separator: ", ")).")
    var service: ServiceIdentity

    @Option(name: .customLong("message-id"), help: "Replay the message with this message_id.")
    var messageID: String?

    @Flag(name: .long, help: "Replay every message parked now.")
    var all = false

    func validate() throws {
        guard (messageID != nil) != all else { throw ValidationError("say which messages: --message-id ID, or --all") }
    }

    func run() async throws {
        let selection: ReplaySelection = messageID.map { .message(id: $0) } ?? .all
        let queue = service.deadLetterQueue
        let report = try await Broker.withConnection(OperatorSettings()) { connection in
            try await DeadLetterQueue(of: service, connection: connection).replay(selection)
        }
        print(Self.render(report, from: queue, selection: selection))
        let nothingFound = report.replayed.isEmpty && report.stillParkedAfterReplay.isEmpty && report.kept.isEmpty
        if !report.isComplete || (nothingFound && messageID != nil) { throw ExitCode(1) }
    }

    static func render(_ report: ReplayReport, from queue: String, selection: ReplaySelection) -> String {
        var lines: [String] = []
        let moved = report.replayed.count
        switch selection {
        case .message(let id) where moved == 0 && report.kept.isEmpty && report.stillParkedAfterReplay.isEmpty:
            lines.append("no parked message with message id \(id) in \(queue) (looked at \(report.examined))")
        default:
            lines.append("replayed \(moved) message\(moved == 1 ? "" : "s") from \(queue) (looked at \(report.examined))")
        }
        if !report.replayed.isEmpty {
            var table = TextTable(headers: ["MESSAGE ID", "TYPE", "BACK ON"])
            for item in report.replayed { table.append([item.message.messageID ?? "(none)", item.message.type ?? "(none)", item.queue]) }
            lines.append(table.render())
        }
        if !report.stillParkedAfterReplay.isEmpty {
            lines.append("")
            lines.append(
                "published again but still parked (the connection dropped before the parked copy was removed; replaying them again is harmless):"
            )
            for item in report.stillParkedAfterReplay { lines.append("  \(item.message.messageID ?? "(none)") → \(item.queue)") }
        }
        if !report.kept.isEmpty {
            lines.append("")
            lines.append("left parked:")
            var table = TextTable(headers: ["MESSAGE ID", "TYPE", "WHY"])
            for item in report.kept { table.append([item.message.messageID ?? "(none)", item.message.type ?? "(none)", item.why]) }
            lines.append(table.render())
        }
        if let interruption = report.interruption {
            lines.append("")
            lines.append("stopped early: \(interruption)")
        }
        return lines.joined(separator: "\n")
    }
}
