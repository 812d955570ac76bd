import Contracts
import Foundation
import Postgres
import ServiceKit

/// `registry.volunteer-registered.v1`: the volunteer becomes a participant (time zone,
/// languages, home community; never their name or contact details).
struct VolunteerRegisteredHandler: EventHandler {
    let store: ParticipantStore

    func handle(_ batch: [Delivered<VolunteerRegistered>], on connection: PostgresConnection) async throws {
        try await store.record(batch.map(\.event), on: connection)
    }
}

/// `registry.volunteer-updated.v1`: a new time zone or languages.
struct VolunteerUpdatedHandler: EventHandler {
    let store: ParticipantStore

    func handle(_ batch: [Delivered<VolunteerUpdated>], on connection: PostgresConnection) async throws {
        try await store.update(batch.map(\.event), on: connection)
    }
}

/// `registry.volunteer-erased.v1`: forgets the participant.
struct VolunteerErasedHandler: EventHandler {
    let store: ParticipantStore

    func handle(_ batch: [Delivered<VolunteerErased>], on connection: PostgresConnection) async throws {
        try await store.erase(batch.map(\.event.volunteerId), on: connection)
    }
}

/// `registry.partnership-formed.v1`: which communities a partnership joins.
struct PartnershipFormedHandler: EventHandler {
    let store: ParticipantStore

    func handle(_ batch: [Delivered<PartnershipFormed>], on connection: PostgresConnection) async throws {
        try await store.recordPartnerships(batch.map(\.event), on: connection)
    }
}

/// `registry.community-updated.v1`: a community's new name, time zone or coordinates. A time
/// zone the calendar does not know is parked with the reason.
struct CommunityUpdatedHandler: EventHandler {
    let store: CommunityLocationStore

    func handle(_ batch: [Delivered<CommunityUpdated>], on connection: PostgresConnection) async throws {
        for delivered in batch {
            if let zone = delivered.event.timeZone, TimeZone(identifier: zone) == nil {
                throw PermanentFailure(
                    "community \(delivered.event.communityId.uuidString.lowercased()) moved to unknown time zone \(zone)")
            }
        }
        try await store.update(batch.map(\.event), on: connection)
    }
}
