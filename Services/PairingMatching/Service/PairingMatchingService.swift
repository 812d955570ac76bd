import Contracts
import Hummingbird
import ServiceKit

/// Pairing matching: keeps the candidate communities it pairs (read model of the registry).
/// HTTP port 8082; `GET /communities` shows what it holds.
public enum PairingMatchingService {
    public static let definition = ServiceDefinition(
        name: "matching", defaultHTTPPort: 8082, migrations: CandidateCommunities.migrations,
        handlers: { _ in
            var handlers = EventHandlers()
            handlers.on(CommunityRegistered.self) { batch, connection in
                try await CandidateCommunities.record(batch.map(\.event), on: connection)
            }
            return handlers
        },
        routes: { router, dependencies in
            router.get("/communities") { request, _ -> Response in
                let limit = try ReadModelPage.limit(request)
                let page = try await CandidateCommunities.list(dependencies.postgres, limit: limit)
                return try ReadModelPage.response(total: page.total, items: page.candidates)
            }
        })
}
