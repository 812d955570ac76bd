import Hummingbird
import Postgres

/// What makes one service: its name on the wire, its HTTP port, its migrations, the events it
/// consumes and its HTTP routes. ``ServiceRuntime`` does the rest.
public struct ServiceDefinition: Sendable {
    /// The short name on the wire, e.g. `registry`.
    public var name: String
    /// The default `P2G_HTTP_PORT`.
    public var defaultHTTPPort: Int
    /// The service's own migrations (the messaging tables come first, added by the runtime).
    public var migrations: [PostgresMigration]
    /// The events it consumes; none means no work queue and no consumer.
    public var handlers: @Sendable (ServiceDependencies) -> EventHandlers
    /// Adds the service's routes.
    public var routes: @Sendable (Router<BasicRequestContext>, ServiceDependencies) -> Void

    public init(
        name: String, defaultHTTPPort: Int, migrations: [PostgresMigration],
        handlers: @escaping @Sendable (ServiceDependencies) -> EventHandlers = { _ in EventHandlers() },
        routes: @escaping @Sendable (Router<BasicRequestContext>, ServiceDependencies) -> Void = { _, _ in }
    ) {
        self.name = name
        self.defaultHTTPPort = defaultHTTPPort
        self.migrations = migrations
        self.handlers = handlers
        self.routes = routes
    }
}
