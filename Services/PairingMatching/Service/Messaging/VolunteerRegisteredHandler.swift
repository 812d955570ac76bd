import Contracts
import Postgres
import ServiceKit

/// `registry.volunteer-registered.v1`: the volunteer can sit on joint teams; a team waiting for
/// someone like them is formed in the same transaction.
struct VolunteerRegisteredHandler: EventHandler {
    let volunteers: VolunteerReadModel
    let teams: JointTeamStore
    let proposals: ProposalStore

    func handle(_ batch: [Delivered<VolunteerRegistered>], on connection: PostgresConnection) async throws {
        try await volunteers.recordRegistered(batch.map(\.event), on: connection)
        try await teams.completeWaitingTeams(cause: batch.last?.context, proposals: proposals, on: connection)
    }
}
