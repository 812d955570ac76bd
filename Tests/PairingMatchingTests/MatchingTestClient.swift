import Contracts
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ServiceKit
import ServiceTestSupport
import Testing

@testable import PairingMatching

/// What the tests of the matching service do through its HTTP API, as an Agency coordinator
/// unless a token is given.
struct MatchingTestClient {
    let service: InProcessService
    let client: any TestClientProtocol

    /// Publishes the world's communities (and its partnership) and waits until the service
    /// has them.
    func publish(_ world: Communities2GetherSample, partnership: Bool = true) async throws {
        for community in world.communities { try await service.publish(community) }
        if partnership { try await service.publish(world.chicagoWesternNegev) }
        try await waitForInbox(world.communities.count + (partnership ? 1 : 0))
    }

    /// Publishes volunteers and waits until the service has handled them (by their message ids:
    /// the service also handles its own events, which a count would mistake for them).
    func publish(_ volunteers: [VolunteerRegistered]) async throws {
        let ids = volunteers.map { _ in UUID() }
        for (volunteer, id) in zip(volunteers, ids) { try await service.publish(volunteer, messageID: id) }
        try await service.waitUntil("\(ids.count) volunteers are handled") {
            try await service.count("SELECT count(*) FROM inbox WHERE message_id = ANY(\(ids)::uuid[])") == ids.count
        }
    }

    /// Publishes events and waits until the service has handled each of them.
    func publishAndWait<Event: IntegrationEvent>(_ events: [Event]) async throws {
        let ids = events.map { _ in UUID() }
        for (event, id) in zip(events, ids) { try await service.publish(event, messageID: id) }
        try await service.waitUntil("\(ids.count) events are handled") {
            try await service.count("SELECT count(*) FROM inbox WHERE message_id = ANY(\(ids)::uuid[])") == ids.count
        }
    }

    func inboxCount() async throws -> Int { try await service.count("SELECT count(*) FROM inbox") }

    func waitForInbox(_ count: Int) async throws {
        try await service.waitUntil("\(count) messages are handled") { try await inboxCount() >= count }
    }

    /// `POST /matching-runs`; the status and the run (nil for a problem).
    func startRun(_ body: String, idempotencyKey: String? = nil, token: String? = nil) async throws -> (HTTPResponse.Status, MatchingRun?) {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let idempotencyKey { headers[HTTPField.Name("Idempotency-Key")!] = idempotencyKey }
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: "/matching-runs", method: .post, headers: headers, body: ByteBuffer(string: body)) {
            response in
            (
                response.status,
                response.status.code < 300 ? try ContractCoding.decode(MatchingRun.self, from: Data(buffer: response.body)) : nil
            )
        }
    }

    /// Starts an optimal Communities2Gether run and expects it stored.
    func optimalRun(_ extra: String = "") async throws -> MatchingRun {
        let (status, run) = try await startRun(#"{"program":"communities2gether","mode":"optimal"\#(extra)}"#)
        #expect(status == .created)
        return try #require(run)
    }

    func run(_ id: UUID) async throws -> MatchingRun? {
        try await client.execute(uri: "/matching-runs/\(id.uuidString.lowercased())", method: .get) { response in
            response.status == .ok ? try ContractCoding.decode(MatchingRun.self, from: Data(buffer: response.body)) : nil
        }
    }

    /// `POST /proposals/{id}/<decision>`; the status and the proposal (nil for a problem).
    func decide(_ id: UUID, _ decision: String, body: String? = nil, token: String? = nil) async throws -> (HTTPResponse.Status, Proposal?)
    {
        var headers: HTTPFields = [:]
        if body != nil { headers[.contentType] = "application/json" }
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(
            uri: "/proposals/\(id.uuidString.lowercased())/\(decision)", method: .post, headers: headers,
            body: body.map { ByteBuffer(string: $0) }
        ) { response in
            (response.status, response.status == .ok ? try ContractCoding.decode(Proposal.self, from: Data(buffer: response.body)) : nil)
        }
    }

    func team(of pairing: UUID) async throws -> JointTeam? {
        try await client.execute(uri: "/proposals/\(pairing.uuidString.lowercased())/joint-team", method: .get) { response in
            response.status == .ok ? try ContractCoding.decode(JointTeam.self, from: Data(buffer: response.body)) : nil
        }
    }
}

extension MatchingRun {
    /// The pairing of `impacted`, if the run paired it.
    func pairing(of impacted: CommunityRegistered) -> ProposedPairing? {
        result.pairings.first { $0.impactedCommunityId == impacted.communityId }
    }
}
