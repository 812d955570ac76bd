import Contracts
import Postgres
import ServiceKit

/// `registry.community-updated.v1`: later runs see the community as it is now (region,
/// languages, time zone); runs already stored keep what they saw.
struct CommunityUpdatedHandler: EventHandler {
    let store: CandidateCommunityStore

    func handle(_ batch: [Delivered<CommunityUpdated>], on connection: PostgresConnection) async throws {
        try await store.update(batch.map(\.event), on: connection)
    }
}
