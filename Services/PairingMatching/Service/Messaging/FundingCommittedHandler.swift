import Contracts
import Postgres
import ServiceKit

/// `registry.funding-committed.v1`: a global community's committed funding, which later
/// Communities2Gether runs count against what it can give to a new pairing.
struct FundingCommittedHandler: EventHandler {
    let funding: CommittedFundingReadModel

    func handle(_ batch: [Delivered<FundingCommitted>], on connection: PostgresConnection) async throws {
        try await funding.recordCommitted(batch.map(\.event), on: connection)
    }
}
