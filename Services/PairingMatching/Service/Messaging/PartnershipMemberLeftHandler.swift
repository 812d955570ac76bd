import Contracts
import Postgres
import ServiceKit

/// `registry.partnership-member-left.v1`: the stay ends; runs after that day no longer count it.
struct PartnershipMemberLeftHandler: EventHandler {
    let store: PartnershipReadModel

    func handle(_ batch: [Delivered<PartnershipMemberLeft>], on connection: PostgresConnection) async throws {
        try await store.recordLeft(batch.map(\.event), on: connection)
    }
}
