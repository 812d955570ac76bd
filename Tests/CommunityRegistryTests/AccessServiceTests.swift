import CommunityRegistry
import Foundation
import HTTPTypes
import HummingbirdTesting
import ServiceKit
import ServiceTestSupport
import Testing

/// Who may do what in the registry, through the API with real tokens: each role against each
/// kind of route, and the tokens that must be refused.
@Suite("Access to the registry", .serialized)
struct AccessServiceTests {
    static func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)"] }

    static func acting(_ role: Role, partnerships: [UUID]? = nil, volunteer: UUID? = nil) async throws -> HTTPFields {
        bearer(try await TestTokens.token(role, partnerships: partnerships, volunteer: volunteer))
    }

    /// Two partnerships of the consortium's founders, and a volunteer of Des Moines.
    struct World {
        var consortium: PartnershipServiceTests.Registered
        var partnership: UUID
        var otherPartnership: UUID
        var volunteer: UUID
    }

    static func makeWorld(_ client: some TestClientProtocol) async throws -> World {
        let registered = try await PartnershipServiceTests.registerConsortium(client)
        let formed = try await client.send(.post, "/partnerships", json: PartnershipServiceTests.formation(registered))
        #expect(formed.status == .created, "\(formed.body)")
        let second = try await client.send(
            .post, "/partnerships",
            json: """
                {"name": "Kfar Aza – Des Moines", "program": "communities2gether", "formedOn": "2024-01-01",
                 "israeli": [{"communityId": "\(registered.westernGalilee)", "joinedOn": "2024-01-01"}],
                 "global": [{"communityId": "\(registered.consortium["Des Moines"] ?? "")", "joinedOn": "2024-01-01"}]}
                """)
        #expect(second.status == .created, "\(second.body)")
        let volunteer = try await client.send(
            .post, "/volunteers", json: VolunteerServiceTests.miriam(home: registered.consortium["Des Moines"] ?? ""))
        #expect(volunteer.status == .created, "\(volunteer.body)")
        func id(_ answer: HTTPExchange) throws -> UUID {
            let text = try #require(try answer.object()["id"] as? String)
            return try #require(UUID(uuidString: text))
        }
        return World(consortium: registered, partnership: try id(formed), otherPartnership: try id(second), volunteer: try id(volunteer))
    }

    @Test(
        "no token, a malformed one, an expired one, one signed with an unknown key, one for another audience or issuer: 401, saying nothing of the resource"
    )
    func badTokensAre401() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { _, client in
            let anonymous = try #require(client as? AuthorizedTestClient).anonymous
            let unknownKey = try FileManager.default.temporaryDirectory.appendingPathComponent("p2g-unknown-\(UUID()).keys")
            try "other \(Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString())\n".write(
                to: unknownKey, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: unknownKey) }
            let foreign = try await AccessKeys.load(path: unknownKey.path, issuer: "p2g").sign(
                AccessToken(
                    subject: "intruder", issuer: "p2g", audience: ["registry"], expires: Date().addingTimeInterval(600),
                    role: .agencyCoordinator))
            let refusals: [(String, HTTPFields)] = [
                ("malformed", [.authorization: "Bearer not-a-token"]),
                ("not bearer", [.authorization: "Basic dXNlcjpwYXNz"]),
                ("expired", Self.bearer(try await TestTokens.token(.agencyCoordinator, expires: Date().addingTimeInterval(-60)))),
                ("unknown key", Self.bearer(foreign)),
                ("other audience", Self.bearer(try await TestTokens.token(.agencyCoordinator, audience: ["notifications"]))),
            ]
            for (what, headers) in refusals {
                let answer = try await client.send(.get, "/communities", headers: headers)
                #expect(answer.status == .unauthorized, "\(what): \(answer.status)")
                #expect(answer.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true, "\(what)")
                #expect(answer.headers[.contentType] == "application/problem+json", "\(what)")
            }
            let missing = try await anonymous.send(.get, "/communities/\(UUID())")
            #expect(missing.status == .unauthorized)
            #expect(!missing.body.contains("does not exist"), "a 401 reveals nothing about the resource")
            // The health routes stay open for probes.
            #expect(try await anonymous.send(.get, "/health/live").status == .ok)
        }
    }

    @Test("a token whose issuer is another is refused")
    func otherIssuerIs401() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { _, client in
            let token = try await TestTokens.token(.agencyCoordinator, issuer: "someone-else")
            #expect(try await client.send(.get, "/communities", headers: Self.bearer(token)).status == .unauthorized)
        }
    }

    @Test("a partnership coordinator writes to their own partnership, not to another, and reads what they need")
    func partnershipCoordinatorScope() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { _, client in
            let world = try await Self.makeWorld(client)
            let coordinator = try await Self.acting(.partnershipCoordinator, partnerships: [world.partnership])
            let tulsa = world.consortium.consortium["Tulsa"] ?? ""
            let joinedOwn = try await client.send(
                .post, "/partnerships/\(world.partnership.uuidString.lowercased())/members",
                json: #"{"communityId": "\#(tulsa)", "joinedOn": "2010-09-01"}"#, headers: coordinator)
            #expect(joinedOwn.status == .created, "\(joinedOwn.body)")
            let joinedOther = try await client.send(
                .post, "/partnerships/\(world.otherPartnership.uuidString.lowercased())/members",
                json: #"{"communityId": "\#(tulsa)", "joinedOn": "2025-01-01"}"#, headers: coordinator)
            #expect(joinedOther.status == .forbidden, "\(joinedOther.body)")
            #expect(joinedOther.headers[.contentType] == "application/problem+json")
            let committee = try await client.send(
                .post, "/partnerships/\(world.otherPartnership.uuidString.lowercased())/committees", json: #"{"name": "Education"}"#,
                headers: coordinator)
            #expect(committee.status == .forbidden)
            // Reads: communities, partnerships (the other one too), the volunteers of their own.
            let own = world.partnership.uuidString.lowercased()
            let other = world.otherPartnership.uuidString.lowercased()
            for path in ["/communities", "/partnerships", "/partnerships/\(other)", "/volunteers?partnership=\(own)"] {
                #expect(try await client.send(.get, path, headers: coordinator).status == .ok, "\(path)")
            }
            // Not every volunteer, nor another partnership's, nor one by id.
            for path in ["/volunteers", "/volunteers?partnership=\(other)", "/volunteers/\(world.volunteer.uuidString.lowercased())"] {
                #expect(try await client.send(.get, path, headers: coordinator).status == .forbidden, "\(path)")
            }
            // Forming a partnership, registering a community or a volunteer is the Agency's.
            #expect(
                try await client.send(
                    .post, "/partnerships", json: PartnershipServiceTests.formation(world.consortium), headers: coordinator
                )
                .status == .forbidden)
            #expect(
                try await client.send(.post, "/communities", body: SampleCommunity.westernGalilee, headers: coordinator).status
                    == .forbidden)
        }
    }

    @Test("a volunteer sees, changes and erases their own profile only, and nothing else")
    func volunteerScope() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { _, client in
            let world = try await Self.makeWorld(client)
            let miriam = try await Self.acting(.volunteer, volunteer: world.volunteer)
            let own = "/volunteers/\(world.volunteer.uuidString.lowercased())"
            let shown = try await client.send(.get, own, headers: miriam)
            #expect(shown.status == .ok)
            #expect(shown.body.contains("miriam.adler@desmoines.example"), "a volunteer sees their own contact details")
            let etag = try #require(shown.headers[.eTag])
            var headers = miriam
            headers[.ifMatch] = etag
            let changed = try await client.send(.patch, own, json: #"{"languages": ["he", "en"]}"#, headers: headers)
            #expect(changed.status == .ok, "\(changed.body)")
            // The link in the e-mail carries the token in the query.
            let token = try await TestTokens.token(.volunteer, volunteer: world.volunteer)
            let anonymous = try #require(client as? AuthorizedTestClient).anonymous
            #expect(try await anonymous.send(.get, "\(own)?access_token=\(token)").status == .ok)

            for (method, path) in [
                (HTTPRequest.Method.get, "/volunteers/\(UUID().uuidString.lowercased())"), (.get, "/volunteers"), (.get, "/communities"),
                (.get, "/partnerships"), (.delete, "/volunteers/\(UUID().uuidString.lowercased())"),
            ] {
                #expect(try await client.send(method, path, headers: miriam).status == .forbidden, "\(method) \(path)")
            }
            #expect(try await client.send(.delete, own, headers: miriam).status == .noContent)
        }
    }

    @Test("an operator and a workflow: no personal data, no partnership writes; a workflow registers and reads communities")
    func operatorAndAutomation() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { _, client in
            let world = try await Self.makeWorld(client)
            let operatorHeaders = try await Self.acting(.operator)
            let automation = try await Self.acting(.automation)
            let volunteer = "/volunteers/\(world.volunteer.uuidString.lowercased())"
            for path in ["/volunteers", volunteer, "/communities", "/partnerships"] {
                #expect(try await client.send(.get, path, headers: operatorHeaders).status == .forbidden, "operator: \(path)")
            }
            #expect(try await client.send(.get, "/openapi.json", headers: operatorHeaders).status == .ok)
            for path in ["/volunteers", volunteer] {
                #expect(try await client.send(.get, path, headers: automation).status == .forbidden, "automation: \(path)")
            }
            #expect(try await client.send(.get, "/communities", headers: automation).status == .ok)
            var community = SampleCommunity.centralAreaConsortium[0]
            community.name = "Sioux City"
            community.names = ["en": "Sioux City"]
            community.contactEmail = "partnership@siouxcity.example"
            #expect(try await client.send(.post, "/communities", body: community, headers: automation).status == .created)
            #expect(
                try await client.send(
                    .post, "/partnerships/\(world.partnership.uuidString.lowercased())/members",
                    json: #"{"communityId": "\#(world.consortium.westernGalilee)", "joinedOn": "2020-01-01"}"#, headers: automation
                ).status == .forbidden)
        }
    }

    @Test(
        "every change to a volunteer's personal data is in the audit trail: who, with which role, what, which fields, never the data; the trail cannot be changed"
    )
    func auditTrail() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { service, client in
            let world = try await Self.makeWorld(client)
            let own = "/volunteers/\(world.volunteer.uuidString.lowercased())"
            let miriam = try await Self.acting(.volunteer, volunteer: world.volunteer)
            let shown = try await client.send(.get, own, headers: miriam)
            var headers = miriam
            headers[.ifMatch] = try #require(shown.headers[.eTag])
            #expect(try await client.send(.patch, own, json: #"{"languages": ["he", "en"]}"#, headers: headers).status == .ok)
            #expect(try await client.send(.delete, own).status == .noContent)

            let operatorHeaders = try await Self.acting(.operator)
            let answer = try await client.send(.get, "/audit", headers: operatorHeaders)
            #expect(answer.status == .ok, "\(answer.body)")
            let entries = try #require(try answer.object()["entries"] as? [[String: Any]])
            #expect(entries.map { $0["action"] as? String } == ["volunteer-registered", "volunteer-updated", "volunteer-erased"])
            #expect(entries.map { $0["subject"] as? String } == ["test-agency-coordinator", "test-volunteer", "test-agency-coordinator"])
            #expect(entries.map { $0["role"] as? String } == ["agency-coordinator", "volunteer", "agency-coordinator"])
            #expect(entries[1]["fields"] as? [String] == ["languages"])
            #expect(entries.allSatisfy { $0["volunteerId"] as? String == world.volunteer.uuidString.lowercased() })
            for secret in ["Miriam", "miriam.adler@desmoines.example", "555"] {
                #expect(!answer.body.contains(secret), "the audit trail shows \(secret)")
            }
            // A partnership coordinator may not read it; nobody may change it.
            let coordinator = try await Self.acting(.partnershipCoordinator, partnerships: [world.partnership])
            #expect(try await client.send(.get, "/audit", headers: coordinator).status == .forbidden)
            await #expect(throws: (any Error).self) { try await service.database.query("DELETE FROM audit_trail") }
            await #expect(throws: (any Error).self) { try await service.database.query("UPDATE audit_trail SET subject = 'nobody'") }
            #expect(try await service.count("SELECT count(*) FROM audit_trail") == 3)
        }
    }
}
