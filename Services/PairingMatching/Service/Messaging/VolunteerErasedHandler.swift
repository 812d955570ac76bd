import Contracts
import Postgres
import ServiceKit

/// `registry.volunteer-erased.v1`: the volunteer is removed, and their languages and time zone
/// from the teams they sat on.
struct VolunteerErasedHandler: EventHandler {
    let volunteers: VolunteerReadModel

    func handle(_ batch: [Delivered<VolunteerErased>], on connection: PostgresConnection) async throws {
        try await volunteers.recordErased(batch.map(\.event), on: connection)
    }
}
