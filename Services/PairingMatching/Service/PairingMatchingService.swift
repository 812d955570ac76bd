import Contracts
import ServiceKit

/// Pairing matching: keeps the candidate communities it pairs (read model of the registry).
public enum PairingMatchingService {
    public static let definition = ServiceDefinition(
        identity: .matching, migrations: Migrations.all, apiDocument: MatchingAPIDocument.json,
        components: { dependencies in
            let store = CandidateCommunityStore(postgres: dependencies.postgres)
            return ServiceComponents(
                routes: [CandidateCommunityRoutes(store: store)], eventHandlers: [CommunityRegisteredHandler(store: store)])
        })
}
