import ServiceKit

/// The community registry: communities (for now), registered over HTTP and announced as
/// `registry.community-registered.v1` through the outbox. HTTP port 8081.
public enum CommunityRegistryService {
    public static let definition = ServiceDefinition(
        name: "registry", defaultHTTPPort: 8081, migrations: RegistryMigrations.all,
        routes: { router, dependencies in
            CommunityRoutes(store: CommunityStore(postgres: dependencies.postgres, outbox: dependencies.outbox)).add(to: router)
        })
}
