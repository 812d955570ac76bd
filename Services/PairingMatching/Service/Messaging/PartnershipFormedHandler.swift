import Contracts
import Postgres
import ServiceKit

/// `registry.partnership-formed.v1`: the partnership and its first stays, which make its
/// global communities lean towards its Israeli communities' regions.
struct PartnershipFormedHandler: EventHandler {
    let store: PartnershipReadModel

    func handle(_ batch: [Delivered<PartnershipFormed>], on connection: PostgresConnection) async throws {
        try await store.recordFormed(batch.map(\.event), on: connection)
    }
}
