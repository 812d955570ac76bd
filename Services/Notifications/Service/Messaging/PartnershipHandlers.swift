import Contracts
import Postgres
import ServiceKit

/// `registry.partnership-formed.v1`: its first communities are its members.
struct PartnershipFormedHandler: EventHandler {
    let store: PartnershipMemberStore

    func handle(_ batch: [Delivered<PartnershipFormed>], on connection: PostgresConnection) async throws {
        try await store.recordFormed(batch, on: connection)
    }
}

/// `registry.partnership-member-joined.v1`: one more community is a member.
struct PartnershipMemberJoinedHandler: EventHandler {
    let store: PartnershipMemberStore

    func handle(_ batch: [Delivered<PartnershipMemberJoined>], on connection: PostgresConnection) async throws {
        try await store.recordJoined(batch, on: connection)
    }
}

/// `registry.partnership-member-left.v1`: the community's volunteers are no longer the
/// partnership's people from the day it left.
struct PartnershipMemberLeftHandler: EventHandler {
    let store: PartnershipMemberStore

    func handle(_ batch: [Delivered<PartnershipMemberLeft>], on connection: PostgresConnection) async throws {
        try await store.recordLeft(batch, on: connection)
    }
}
