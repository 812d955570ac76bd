import ServiceLifecycle

/// What a service is made of: route collections, one handler per event or command it
/// consumes, one handler per timer name it fires, and long-running workers of its own.
public struct ServiceComponents: Sendable {
    /// One per resource.
    public var routes: [any ResourceRoutes]
    /// Each binds `<service>.events` to its event's type.
    public var eventHandlers: [any EventHandler]
    /// Each binds `<service>.commands` to its command's type.
    public var commandHandlers: [any CommandHandler]
    public var timerHandlers: [any TimerHandler]
    /// Started after the migrations, before the consumers; stopped in reverse order on SIGTERM,
    /// after the HTTP server and the consumers. A worker that fails stops the service.
    public var workers: [any Service]

    public init(
        routes: [any ResourceRoutes] = [], eventHandlers: [any EventHandler] = [], commandHandlers: [any CommandHandler] = [],
        timerHandlers: [any TimerHandler] = [], workers: [any Service] = []
    ) {
        self.routes = routes
        self.eventHandlers = eventHandlers
        self.commandHandlers = commandHandlers
        self.timerHandlers = timerHandlers
        self.workers = workers
    }
}
