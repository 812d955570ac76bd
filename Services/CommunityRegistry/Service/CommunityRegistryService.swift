import Contracts
import ServiceKit

/// The community registry: communities, registered over HTTP or by the command
/// `registry.register-community.v1`, and the partnerships between them with their history;
/// every change announced through the outbox.
public enum CommunityRegistryService {
    public static let definition = ServiceDefinition(
        identity: .registry, migrations: Migrations.all, apiDocument: RegistryAPIDocument.json,
        components: { dependencies in
            let store = CommunityStore(postgres: dependencies.postgres, outbox: dependencies.outbox)
            let partnerships = PartnershipStore(postgres: dependencies.postgres, outbox: dependencies.outbox)
            return ServiceComponents(
                routes: [CommunityRoutes(store: store), PartnershipRoutes(store: partnerships)],
                commandHandlers: [RegisterCommunityHandler(store: store)])
        })
}
