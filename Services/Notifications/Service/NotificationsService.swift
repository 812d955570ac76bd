import Contracts
import ServiceKit

/// Notifications: recipients (read model of the registry) and the notifications owed to them;
/// a registered community is owed a welcome.
public enum NotificationsService {
    public static let definition = ServiceDefinition(
        identity: .notifications, migrations: Migrations.all, apiDocument: NotificationsAPIDocument.json,
        components: { dependencies in
            let store = RecipientStore(postgres: dependencies.postgres)
            return ServiceComponents(routes: [RecipientRoutes(store: store)], eventHandlers: [CommunityRegisteredHandler(store: store)])
        })
}
