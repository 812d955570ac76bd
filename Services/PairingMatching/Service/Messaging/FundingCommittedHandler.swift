import Contracts
import Postgres
import ServiceKit

/// `registry.funding-committed.v1`: a global community's committed funding, which later
/// Communities2Gether runs count against what it can give to a new pairing; and funding
/// committed against an impacted community's road map moves its cycle on.
struct FundingCommittedHandler: EventHandler {
    let funding: CommittedFundingReadModel
    let workflows: WorkflowStore

    func handle(_ batch: [Delivered<FundingCommitted>], on connection: PostgresConnection) async throws {
        try await funding.recordCommitted(batch.map(\.event), on: connection)
        for delivered in batch { try await workflows.fundingCommitted(delivered.event, correlation: nil, on: connection) }
    }
}
