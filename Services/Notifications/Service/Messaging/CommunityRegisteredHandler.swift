import Contracts
import Postgres
import ServiceKit

/// `registry.community-registered.v1`: the community becomes a recipient, owed a welcome.
struct CommunityRegisteredHandler: EventHandler {
    let store: RecipientStore

    func handle(_ batch: [Delivered<CommunityRegistered>], on connection: PostgresConnection) async throws {
        try await store.recordWelcomes(batch, on: connection)
    }
}
