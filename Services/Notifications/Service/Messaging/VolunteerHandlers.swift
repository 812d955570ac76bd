import Contracts
import Postgres
import ServiceKit

/// `registry.volunteer-registered.v1`: the volunteer becomes reachable, on the channels they
/// consented to, and is owed a welcome.
struct VolunteerRegisteredHandler: EventHandler {
    let store: VolunteerRecipientStore
    let deliveries: DeliveryStore

    func handle(_ batch: [Delivered<VolunteerRegistered>], on connection: PostgresConnection) async throws {
        try await store.record(batch, on: connection)
        try await deliveries.record(
            batch.map { delivered in
                DeliveryStore.NewDelivery(
                    causeId: delivered.context.messageID, recipientId: delivered.event.volunteerId, kind: .volunteerWelcome,
                    correlationId: delivered.context.correlationID, instants: ["registeredAt": delivered.event.registeredAt])
            }, on: connection)
    }
}

/// `registry.volunteer-updated.v1`: what changed, changes here too.
struct VolunteerUpdatedHandler: EventHandler {
    let store: VolunteerRecipientStore

    func handle(_ batch: [Delivered<VolunteerUpdated>], on connection: PostgresConnection) async throws {
        try await store.apply(batch, on: connection)
    }
}

/// `registry.volunteer-erased.v1`: everything personal of the volunteer goes, and nothing owed
/// to them is sent any more.
struct VolunteerErasedHandler: EventHandler {
    let store: VolunteerRecipientStore

    func handle(_ batch: [Delivered<VolunteerErased>], on connection: PostgresConnection) async throws {
        try await store.erase(batch, on: connection)
    }
}
