import Contracts
import Postgres
import ServiceKit

/// `registry.needs-assessment-submitted.v1`: the community's latest assessment, which later
/// runs record among their inputs.
struct NeedsAssessmentSubmittedHandler: EventHandler {
    let needs: NeedsAssessmentReadModel

    func handle(_ batch: [Delivered<NeedsAssessmentSubmitted>], on connection: PostgresConnection) async throws {
        try await needs.recordSubmitted(batch.map(\.event), on: connection)
    }
}
