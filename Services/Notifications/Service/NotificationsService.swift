import Contracts
import Hummingbird
import ServiceKit

/// Notifications: recipients (read model of the registry) and the notifications owed to them;
/// a registered community is owed a welcome. HTTP port 8084; `GET /communities` shows the
/// recipients and how many notifications each has.
public enum NotificationsService {
    public static let definition = ServiceDefinition(
        name: "notifications", defaultHTTPPort: 8084, migrations: WelcomeNotifications.migrations,
        handlers: { _ in
            var handlers = EventHandlers()
            handlers.on(CommunityRegistered.self) { batch, connection in
                try await WelcomeNotifications.record(batch, on: connection)
            }
            return handlers
        },
        routes: { router, dependencies in
            router.get("/communities") { request, _ -> Response in
                let page = try await WelcomeNotifications.list(dependencies.postgres, limit: try ReadModelPage.limit(request))
                return try ReadModelPage.response(total: page.total, items: page.recipients)
            }
        })
}
