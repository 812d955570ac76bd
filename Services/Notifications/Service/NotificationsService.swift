import AsyncHTTPClient
import Contracts
import SMTP
import ServiceKit

/// Notifications: recipients (read model of the registry) and what is owed to them, delivered
/// by e-mail in their language, outside their quiet hours and never on Shabbat or a festival at
/// their place; a registered community is owed a welcome (recorded), a registered volunteer a
/// welcome e-mail, each member of a new joint team a notice, the people of a program notices of
/// their sessions and registrations, coordinators notices of funding overlaps. It keeps the volunteers it may
/// reach, with the channels they consented to, and forgets them when they are erased.
public enum NotificationsService {
    public static let definition = definition(clock: SystemClock())

    /// The service with `clock` as the time its rules go by (quiet hours, holds, retries):
    /// tests give a clock they set.
    public static func definition(clock: any NotificationClock) -> ServiceDefinition {
        ServiceDefinition(
            identity: .notifications, migrations: Migrations.all, apiDocument: NotificationsAPIDocument.json,
            access: NotificationsAccess.policy,
            components: { dependencies in
                let settings = try NotificationSettings(
                    environment: dependencies.settings.environment, httpPort: dependencies.settings.httpPort)
                let smtp: SMTPClient
                do {
                    smtp = try SMTPClient(configuration: settings.smtp, connections: settings.smtpConnections)
                } catch {
                    throw ConfigurationError(setting: "P2G_SMTP_URL", problem: "\(error)")
                }
                let templates = try NotificationTemplates()
                let store = RecipientStore(postgres: dependencies.postgres)
                let volunteers = VolunteerRecipientStore()
                let deliveries = DeliveryStore(timers: dependencies.timers)
                let preferences = PreferenceStore(postgres: dependencies.postgres)
                let programs = ProgramStore()
                let partnerships = PartnershipMemberStore()
                let links = SignedLinks(keys: dependencies.accessKeys, publicURL: settings.publicURL, lifetime: settings.linkLifetime)
                let rulesClock = settings.clockStart.map { ShiftedClock(startingAt: $0) } ?? clock
                let textMessages = TextMessageDispatcher(
                    settings: settings,
                    provider: TextMessageProvider(
                        settings: try TextMessageSettings(environment: dependencies.settings.environment), client: .shared),
                    templates: templates, links: links, timers: dependencies.timers, outbox: dependencies.outbox, clock: rulesClock,
                    logger: dependencies.logger)
                let dispatcher = DeliveryDispatcher(
                    settings: settings, smtp: smtp, rateLimit: RelayRateLimit(messagesPerSecond: settings.messagesPerSecond),
                    templates: templates,
                    links: SignedLinks(keys: dependencies.accessKeys, publicURL: settings.publicURL, lifetime: settings.linkLifetime),
                    timers: dependencies.timers, outbox: dependencies.outbox,
                    clock: settings.clockStart.map { ShiftedClock(startingAt: $0) } ?? clock, logger: dependencies.logger)
                return ServiceComponents(
                    routes: [
                        RecipientRoutes(store: store), PreferenceRoutes(store: preferences),
                        AnnouncementRoutes(store: AnnouncementStore(postgres: dependencies.postgres)),
                        BounceRoutes(
                            store: BounceStore(postgres: dependencies.postgres, outbox: dependencies.outbox, logger: dependencies.logger)),
                    ],
                    eventHandlers: [
                        CommunityRegisteredHandler(store: store),
                        VolunteerRegisteredHandler(store: volunteers, deliveries: deliveries),
                        VolunteerUpdatedHandler(store: volunteers), VolunteerErasedHandler(store: volunteers),
                        JointTeamFormedHandler(deliveries: deliveries), WorkflowNoticeHandler(deliveries: deliveries),
                        PartnershipFormedHandler(store: partnerships), PartnershipMemberJoinedHandler(store: partnerships),
                        PartnershipMemberLeftHandler(store: partnerships),
                        CommitteeSeatTakenHandler(store: CommitteeSeatStore()), CommitteeSeatEndedHandler(store: CommitteeSeatStore()),
                        ProgramScheduledHandler(programs: programs, deliveries: deliveries),
                        SessionRescheduledHandler(programs: programs, deliveries: deliveries),
                        RegistrationConfirmedHandler(programs: programs, deliveries: deliveries),
                        RegistrationWaitlistedHandler(programs: programs, deliveries: deliveries),
                        RegistrationPromotedHandler(programs: programs, deliveries: deliveries),
                        FundingOverlapDetectedHandler(deliveries: deliveries),
                    ],
                    timerHandlers: [dispatcher, textMessages])
            })
    }
}
