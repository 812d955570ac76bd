import Contracts
import Postgres
import ServiceKit

/// `registry.volunteer-updated.v1`: new languages, time zone or roles; a team waiting for
/// someone like them now is formed in the same transaction.
struct VolunteerUpdatedHandler: EventHandler {
    let volunteers: VolunteerReadModel
    let teams: JointTeamStore
    let proposals: ProposalStore

    func handle(_ batch: [Delivered<VolunteerUpdated>], on connection: PostgresConnection) async throws {
        try await volunteers.recordUpdated(batch.map(\.event), on: connection)
        try await teams.completeWaitingTeams(cause: batch.last?.context, proposals: proposals, on: connection)
    }
}
