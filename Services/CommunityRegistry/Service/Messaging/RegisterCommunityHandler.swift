import Contracts
import Postgres
import ServiceKit

/// `registry.register-community.v1`: registers the community an automated workflow asks for,
/// as `POST /communities` does, and announces it. A command whose fields are refused is parked
/// with every invalid field named: sending it again cannot help.
struct RegisterCommunityHandler: CommandHandler {
    let store: CommunityStore

    func handle(_ batch: [Delivered<RegisterCommunity>], on connection: PostgresConnection) async throws {
        var valid: [(ValidRegistration, cause: HandlingContext)] = []
        for delivered in batch {
            switch CommunityRegistration(delivered.command).validated() {
            case .success(let registration): valid.append((registration, delivered.context))
            case .failure(let rejected): throw PermanentFailure(rejected.description)
            }
        }
        try await store.register(valid, on: connection)
    }
}
