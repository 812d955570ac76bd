import Contracts
import ServiceKit

/// The community registry: communities, registered over HTTP or by the command
/// `registry.register-community.v1`, the partnerships between them with their history, and
/// their volunteers; every change announced through the outbox.
public enum CommunityRegistryService {
    public static let definition = ServiceDefinition(
        identity: .registry, migrations: Migrations.all, apiDocument: RegistryAPIDocument.json, access: RegistryAccess.policy,
        components: { dependencies in
            let store = CommunityStore(postgres: dependencies.postgres, outbox: dependencies.outbox)
            let partnerships = PartnershipStore(postgres: dependencies.postgres, outbox: dependencies.outbox)
            let needs = NeedsStore(postgres: dependencies.postgres, outbox: dependencies.outbox)
            let funding = FundingStore(postgres: dependencies.postgres, outbox: dependencies.outbox)
            let volunteers = VolunteerStore(postgres: dependencies.postgres, outbox: dependencies.outbox, partnerships: partnerships)
            return ServiceComponents(
                routes: [
                    CommunityRoutes(store: store), PartnershipRoutes(store: partnerships), VolunteerRoutes(store: volunteers),
                    CommitteeRoutes(store: CommitteeStore(postgres: dependencies.postgres, partnerships: partnerships)),
                    AuditRoutes(trail: AuditTrail(postgres: dependencies.postgres)),
                    NeedsRoutes(store: needs), RoadMapRoutes(store: needs), FundingRoutes(store: funding, needs: needs),
                    ReportRoutes(store: funding),
                ],
                eventHandlers: [PairingConfirmedHandler(store: funding)],
                commandHandlers: [RegisterCommunityHandler(store: store)])
        })
}
