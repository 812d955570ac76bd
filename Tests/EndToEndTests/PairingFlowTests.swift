import Contracts
import Foundation
import Testing

/// Communities2Gether across the four executables: what the registry registers reaches the
/// matching service, whose confirmed pairing gets its joint team.
@Suite("Pairing flow")
struct PairingFlowTests {
    struct Run: Decodable {
        struct Pairing: Decodable {
            let pairingId: UUID
            let impactedCommunityId: UUID
            let supportingCommunityId: UUID
        }
        struct Result: Decodable { let pairings: [Pairing] }
        let id: UUID
        let result: Result
    }

    struct Proposal: Decodable {
        struct Team: Decodable { let status: String }
        let status: String
        let jointTeam: Team?
    }

    struct Team: Decodable {
        struct Member: Decodable {
            let volunteerId: UUID
            let delegation: String
        }
        let status: String
        let members: [Member]
    }

    @Test(
        "communities and volunteers registered in the registry lead to a confirmed pairing with its joint team formed, and the registry holds the committed flows"
    )
    func registeredCommunitiesToJointTeam() async throws {
        try await TestSystem.run { system in
            let registry = RegistryClient(try await system.start(.registry))
            let matching = try await system.start(.matching)
            try await system.start(.scheduling)
            try await system.start(.notifications)

            // Two Israeli localities (even indices) and two global communities (odd ones).
            var communities: [UUID] = []
            for index in 0..<4 {
                let answer = try await registry.register(SampleCommunities.registration(index, prefix: "Pairing"))
                #expect(answer.status == 201)
                communities.append(try RegistryClient.communityID(answer))
            }
            let database = try await system.database(for: .matching).client
            try await system.waitUntil("the matching service holds the four communities") {
                try await database.query("SELECT count(*) FROM candidate_communities")[0].decode(Int.self, at: 0)
            } _: {
                $0 == 4
            }

            let started = try await HTTPClient.post(
                "\(matching.baseURL)/matching-runs", body: Data(#"{"program":"communities2gether","mode":"optimal"}"#.utf8))
            #expect(started.status == 201)
            let run = try started.json(Run.self)
            #expect(run.result.pairings.count == 2)
            let pairing = try #require(run.result.pairings.first)

            // Two volunteers of each community of the pair, and two Agency staff.
            func volunteer(of community: UUID, roles: [String]) -> Data {
                let body: [String: Any] = [
                    "name": "Volunteer", "homeCommunityId": community.uuidString.lowercased(), "languages": ["en", "he"], "roles": roles,
                ]
                return (try? JSONSerialization.data(withJSONObject: body)) ?? Data()
            }
            let people = [
                volunteer(of: pairing.impactedCommunityId, roles: ["steering-committee"]),
                volunteer(of: pairing.impactedCommunityId, roles: ["educator"]),
                volunteer(of: pairing.supportingCommunityId, roles: ["steering-committee"]),
                volunteer(of: pairing.supportingCommunityId, roles: ["host-family"]),
                volunteer(of: pairing.impactedCommunityId, roles: ["agency-staff"]),
                volunteer(of: pairing.supportingCommunityId, roles: ["agency-staff"]),
            ]
            for body in people {
                let answer = try await HTTPClient.post("\(registry.baseURL)/volunteers", body: body)
                #expect(answer.status == 201, "\(String(decoding: answer.body, as: UTF8.self))")
            }
            try await system.waitUntil("the matching service holds the six volunteers") {
                try await database.query("SELECT count(*) FROM volunteers")[0].decode(Int.self, at: 0)
            } _: {
                $0 == 6
            }

            let confirmed = try await HTTPClient.post(
                "\(matching.baseURL)/proposals/\(pairing.pairingId.uuidString.lowercased())/confirmation", body: Data())
            #expect(confirmed.status == 200)
            let proposal = try confirmed.json(Proposal.self)
            #expect(proposal.status == "confirmed")
            #expect(proposal.jointTeam?.status == "formed")
            let team = try await HTTPClient.get("\(matching.baseURL)/proposals/\(pairing.pairingId.uuidString.lowercased())/joint-team")
            let members = try team.json(Team.self).members
            #expect(members.count == 6)
            #expect(Dictionary(grouping: members, by: \.delegation).mapValues(\.count) == ["impacted": 2, "supporting": 2, "agency": 2])

            // The confirmation and the team were published on the broker.
            try await system.waitUntil("matching's confirmation and team are published") {
                try await database.query(
                    """
                    SELECT count(*) FROM outbox WHERE message_type IN ('matching.pairing-confirmed.v1', 'matching.joint-team-formed.v1')
                      AND sent_at IS NOT NULL
                    """
                )[0].decode(Int.self, at: 0)
            } _: {
                $0 == 2
            }

            // The registry records the pairing's commitment: $250,000 a year for three years,
            // one committed flow a year.
            struct Flows: Decodable {
                struct Flow: Decodable {
                    let status: String
                    let committed: Int?
                    let pairingYear: Int?
                }
                let flows: [Flow]
            }
            let flows = try await system.waitUntil("the registry holds the pairing's committed flows") {
                try await HTTPClient.get("\(registry.baseURL)/funding-flows?pairing=\(pairing.pairingId.uuidString.lowercased())")
                    .json(Flows.self).flows
            } _: {
                $0.count == 3
            }
            #expect(flows.compactMap(\.pairingYear).sorted() == [1, 2, 3])
            #expect(flows.allSatisfy { $0.status == "committed" && $0.committed == 25_000_000 })
        }
    }
}
