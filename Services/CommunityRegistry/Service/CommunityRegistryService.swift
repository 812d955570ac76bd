import Contracts
import ServiceKit

/// The community registry: communities, registered over HTTP or by the command
/// `registry.register-community.v1`, and announced as `registry.community-registered.v1`
/// through the outbox.
public enum CommunityRegistryService {
    public static let definition = ServiceDefinition(
        identity: .registry, migrations: Migrations.all, apiDocument: RegistryAPIDocument.json,
        components: { dependencies in
            let store = CommunityStore(postgres: dependencies.postgres, outbox: dependencies.outbox)
            return ServiceComponents(routes: [CommunityRoutes(store: store)], commandHandlers: [RegisterCommunityHandler(store: store)])
        })
}
