import Contracts
import Postgres
import ServiceKit
import UUIDText

/// `registry.community-registered.v1`: records where the community is and its calendar rules.
/// A location the calendar cannot use can never be scheduled: the message is parked with the
/// reason.
struct CommunityRegisteredHandler: EventHandler {
    let store: CommunityLocationStore

    func handle(_ batch: [Delivered<CommunityRegistered>], on connection: PostgresConnection) async throws {
        let communities = try batch.map { delivered in
            do {
                return (delivered.event, try CommunityCalendarRules(delivered.event))
            } catch {
                throw PermanentFailure("community \(delivered.event.communityId.lowercasedText) has no usable location: \(error)")
            }
        }
        try await store.record(communities, on: connection)
    }
}
