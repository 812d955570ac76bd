import Contracts
import ServiceKit

/// Program scheduling: keeps where each community is and its calendar rules (read model of the
/// registry).
public enum ProgramSchedulingService {
    public static let definition = ServiceDefinition(
        identity: .scheduling, migrations: Migrations.all, apiDocument: SchedulingAPIDocument.json,
        components: { dependencies in
            let store = CommunityLocationStore(postgres: dependencies.postgres)
            return ServiceComponents(
                routes: [CommunityLocationRoutes(store: store)], eventHandlers: [CommunityRegisteredHandler(store: store)])
        })
}
