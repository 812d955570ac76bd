import Contracts
import Postgres
import ServiceKit

/// `registry.community-registered.v1`: the community becomes a candidate for pairing.
struct CommunityRegisteredHandler: EventHandler {
    let store: CandidateCommunityStore

    func handle(_ batch: [Delivered<CommunityRegistered>], on connection: PostgresConnection) async throws {
        try await store.record(batch.map(\.event), on: connection)
    }
}
