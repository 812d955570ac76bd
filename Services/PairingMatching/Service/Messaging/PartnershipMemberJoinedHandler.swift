import Contracts
import Postgres
import ServiceKit

/// `registry.partnership-member-joined.v1`: a new stay of a community in a partnership.
struct PartnershipMemberJoinedHandler: EventHandler {
    let store: PartnershipReadModel

    func handle(_ batch: [Delivered<PartnershipMemberJoined>], on connection: PostgresConnection) async throws {
        try await store.recordJoined(batch.map(\.event), on: connection)
    }
}
