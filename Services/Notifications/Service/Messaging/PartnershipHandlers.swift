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

/// `registry.committee-seat-taken.v1`: the volunteer is of the committee for the seat's term.
struct CommitteeSeatTakenHandler: EventHandler {
    let store: CommitteeSeatStore

    func handle(_ batch: [Delivered<CommitteeSeatTaken>], on connection: PostgresConnection) async throws {
        try await store.recordTaken(batch, on: connection)
    }
}

/// `registry.committee-seat-ended.v1`: the seat is no longer held from the term's end.
struct CommitteeSeatEndedHandler: EventHandler {
    let store: CommitteeSeatStore

    func handle(_ batch: [Delivered<CommitteeSeatEnded>], on connection: PostgresConnection) async throws {
        try await store.recordEnded(batch, on: connection)
    }
}
