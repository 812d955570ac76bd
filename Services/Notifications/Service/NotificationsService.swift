import Contracts
import ServiceKit

/// Notifications: recipients (read model of the registry) and the notifications owed to them;
/// a registered community is owed a welcome. It keeps the volunteers it may reach, with the
/// channels they consented to, and forgets them when they are erased.
public enum NotificationsService {
    public static let definition = ServiceDefinition(
        identity: .notifications, migrations: Migrations.all, apiDocument: NotificationsAPIDocument.json,
        components: { dependencies in
            let store = RecipientStore(postgres: dependencies.postgres)
            let volunteers = VolunteerRecipientStore()
            return ServiceComponents(
                routes: [RecipientRoutes(store: store)],
                eventHandlers: [
                    CommunityRegisteredHandler(store: store), VolunteerRegisteredHandler(store: volunteers),
                    VolunteerUpdatedHandler(store: volunteers), VolunteerErasedHandler(store: volunteers),
                ])
        })
}
