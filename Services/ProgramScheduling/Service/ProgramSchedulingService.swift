import Contracts
import Hummingbird
import ServiceKit

/// Program scheduling: keeps each community's location and calendar rules (read model of the
/// registry). HTTP port 8083; `GET /communities` shows what it holds.
public enum ProgramSchedulingService {
    public static let definition = ServiceDefinition(
        name: "scheduling", defaultHTTPPort: 8083, migrations: CommunityLocations.migrations,
        handlers: { _ in
            var handlers = EventHandlers()
            handlers.on(CommunityRegistered.self) { batch, connection in
                try await CommunityLocations.record(batch.map(\.event), on: connection)
            }
            return handlers
        },
        routes: { router, dependencies in
            router.get("/communities") { request, _ -> Response in
                let page = try await CommunityLocations.list(dependencies.postgres, limit: try ReadModelPage.limit(request))
                return try ReadModelPage.response(total: page.total, items: page.locations)
            }
        })
}
