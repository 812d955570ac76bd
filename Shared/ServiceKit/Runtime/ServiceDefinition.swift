import Contracts
import Postgres

/// What makes one service: who it is (``ServiceCatalog``), its migrations, its part of the
/// OpenAPI document, and what it is made of once its dependencies are up
/// (``ServiceComponents``). ``ServiceApplication`` builds and runs the rest: the queues it
/// consumes follow from the handlers it registers.
public struct ServiceDefinition: Sendable {
    public var identity: ServiceIdentity
    /// The service's own migrations, one ordered, append-only list (the messaging tables come
    /// first, added by ServiceKit).
    public var migrations: [PostgresMigration]
    /// The service's own paths and schemas, as OpenAPI 3.1 JSON; ServiceKit adds health,
    /// metrics and the document's own route, and serves the whole at `GET /openapi.json`.
    public var apiDocument: String
    /// Which roles may use which of its routes; an Agency coordinator may use them all.
    public var access: AccessPolicy
    /// Its routes, handlers, timers and workers, made from its dependencies; it throws a
    /// ``ConfigurationError`` for a setting of its own that cannot be used, which stops the start.
    public var components: @Sendable (ServiceDependencies) throws -> ServiceComponents

    public init(
        identity: ServiceIdentity, migrations: [PostgresMigration], apiDocument: String, access: AccessPolicy = AccessPolicy([]),
        components: @escaping @Sendable (ServiceDependencies) throws -> ServiceComponents
    ) {
        self.identity = identity
        self.migrations = migrations
        self.apiDocument = apiDocument
        self.access = access
        self.components = components
    }
}
