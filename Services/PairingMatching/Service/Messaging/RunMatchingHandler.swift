import Contracts
import Postgres
import ServiceKit

/// `matching.run-matching.v1`: runs the matching an automated workflow asks for, as
/// `POST /matching-runs` does. The run is keyed by the command's `runKey`, or by its message id,
/// so the same command delivered twice makes one run. A command whose parameters are refused
/// is parked with the reason: sending it again cannot help.
struct RunMatchingHandler: CommandHandler {
    let runs: MatchingRunStore

    func handle(_ batch: [Delivered<RunMatching>], on connection: PostgresConnection) async throws {
        for delivered in batch {
            let parameters: RunParameters
            switch RunParameters.validated(delivered.command) {
            case .success(let value): parameters = value
            case .failure(let invalid): throw PermanentFailure(invalid.description)
            }
            let messageID = delivered.context.messageID.uuidString.lowercased()
            let runKey = delivered.command.runKey.map { "key:\($0)" } ?? "message:\(messageID)"
            let outcome = try await runs.start(
                parameters, runKey: runKey, startedBy: "command \(messageID)", cause: delivered.context, on: connection)
            if case .invalid(let invalid) = outcome { throw PermanentFailure(invalid.description) }
        }
    }
}
