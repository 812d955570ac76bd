import Contracts
import Postgres
import ServiceKit

/// `registry.needs-assessment-submitted.v1`: the community's latest assessment, which later
/// runs record among their inputs; and the assessment (or reassessment) of its cycle is in.
struct NeedsAssessmentSubmittedHandler: EventHandler {
    let needs: NeedsAssessmentReadModel
    let workflows: WorkflowStore

    func handle(_ batch: [Delivered<NeedsAssessmentSubmitted>], on connection: PostgresConnection) async throws {
        try await needs.recordSubmitted(batch.map(\.event), on: connection)
        for delivered in batch { try await workflows.assessmentSubmitted(delivered.event, correlation: nil, on: connection) }
    }
}
