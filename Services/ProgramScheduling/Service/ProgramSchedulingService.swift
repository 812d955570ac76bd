import Contracts
import ServiceKit

/// Program scheduling: programs placed by the scheduling engine around everyone's hours,
/// Shabbat and festivals; venues; registrations with waitlists; iCalendar feeds; a joint
/// team's needs-assessment meetings scheduled as soon as matching forms the team. Keeps a read
/// model of the registry (communities, volunteers as participants, partnerships) and of
/// matching (joint teams).
public enum ProgramSchedulingService {
    public static let definition = ServiceDefinition(
        identity: .scheduling, migrations: Migrations.all, apiDocument: SchedulingAPIDocument.json, access: SchedulingAccess.policy,
        components: { dependencies in
            let postgres = dependencies.postgres
            let store = CommunityLocationStore(postgres: postgres)
            let participants = ParticipantStore(postgres: postgres)
            let venues = VenueStore(postgres: postgres)
            let programs = ProgramStore(postgres: postgres, outbox: dependencies.outbox, participants: participants, venues: venues)
            let registrations = RegistrationStore(postgres: postgres, outbox: dependencies.outbox)
            return ServiceComponents(
                routes: [
                    CommunityLocationRoutes(store: store), ProgramRoutes(store: programs),
                    VenueRoutes(store: venues, programs: programs, postgres: postgres),
                    ParticipantRoutes(store: participants, programs: programs, postgres: postgres),
                    RegistrationRoutes(store: registrations, programs: programs),
                    CalendarRoutes(programs: programs, participants: participants, postgres: postgres),
                ],
                eventHandlers: [
                    CommunityRegisteredHandler(store: store), CommunityUpdatedHandler(store: store),
                    VolunteerRegisteredHandler(store: participants),
                    VolunteerUpdatedHandler(store: participants), VolunteerErasedHandler(store: participants),
                    PartnershipFormedHandler(store: participants), JointTeamFormedHandler(participants: participants, programs: programs),
                ],
                commandHandlers: [ScheduleMeetingHandler(participants: participants, programs: programs)])
        })
}
