import Contracts
import Foundation
import HTTPTypes
import HummingbirdTesting
import ProgramScheduling
import ServiceKit
import ServiceTestSupport
import Testing

/// Who may do what through the scheduling API.
@Suite("Scheduling access", .serialized)
struct AccessTests {
    static func bearer(_ role: Role, partnerships: [UUID]? = nil, volunteer: UUID? = nil) async throws -> HTTPFields {
        [.authorization: "Bearer \(try await TestTokens.token(role, partnerships: partnerships, volunteer: volunteer))"]
    }

    @Test("a partnership coordinator schedules and reads their own partnerships' programs only; a volunteer registers only themself")
    func rolesAndScopes() async throws {
        try await InProcessService.run(ProgramSchedulingService.definition) { service, client in
            let people = try await People.threeCommunities(service)
            let ours = UUID()
            let theirs = UUID()
            var request = ProgramTests.meeting([people.sderot, people.desMoines], from: "2027-02-01T00:00:00Z", to: "2027-02-12T00:00:00Z")
            request["kind"] = "conference"
            request["capacity"] = 10
            request["partnershipId"] = ours.uuidString.lowercased()
            let coordinator = try await Self.bearer(.partnershipCoordinator, partnerships: [ours])
            let created = try await client.send(.post, "/programs", object: request, headers: coordinator)
            #expect(created.status == .created, "\(created.body)")
            let program = try created.decode(ProgramAnswer.self)
            request["partnershipId"] = theirs.uuidString.lowercased()
            #expect(try await client.send(.post, "/programs", object: request, headers: coordinator).status == .forbidden)
            let other = try await client.send(.post, "/programs", object: request)
            #expect(other.status == .created, "the Agency schedules for any partnership")
            let otherProgram = try other.decode(ProgramAnswer.self)
            #expect(
                try await client.send(.get, "/programs/\(otherProgram.id.uuidString.lowercased())", headers: coordinator).status
                    == .forbidden)
            let listed = try await client.send(.get, "/programs", headers: coordinator)
            let ids = (try listed.object()["programs"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(ids == [program.id.uuidString.lowercased()])

            let me = UUID()
            let volunteer = try await Self.bearer(.volunteer, volunteer: me)
            let uri = "/programs/\(program.id.uuidString.lowercased())/registrations"
            let mine = try await client.send(.post, uri, object: ["volunteerId": me.uuidString.lowercased()], headers: volunteer)
            #expect(mine.status == .created)
            #expect(
                try await client.send(.post, uri, object: ["volunteerId": UUID().uuidString.lowercased()], headers: volunteer).status
                    == .forbidden)
            #expect(try await client.send(.post, uri, object: ["participantName": "A guest"], headers: volunteer).status == .forbidden)
            #expect(
                try await client.send(.post, uri, object: ["volunteerId": me.uuidString.lowercased()], headers: volunteer).status
                    == .conflict)
            let named = try await client.send(.post, uri, object: ["participantName": "Dr. Guest"], headers: coordinator)
            #expect(named.status == .created)
            let seen = try await client.send(.get, uri, headers: volunteer)
            let rows = try seen.object()["registrations"] as? [[String: Any]] ?? []
            #expect(rows.count == 1 && rows.first?["volunteerId"] as? String == me.uuidString.lowercased(), "a volunteer sees their own")
            #expect(!seen.body.contains("Dr. Guest"))
            #expect(try await client.send(.post, "/venues", object: ["name": "x"], headers: coordinator).status == .forbidden)
            #expect(try await client.send(.get, "/venues", headers: coordinator).status == .ok)
            #expect(try await client.send(.get, "/programs", headers: volunteer).status == .forbidden)
            let automation = try await Self.bearer(.automation)
            #expect(try await client.send(.post, "/programs", object: request, headers: automation).status == .forbidden)
            #expect(try await client.send(.get, "/programs", headers: try await Self.bearer(.operator)).status == .forbidden)
            let anonymous = try #require(client as? AuthorizedTestClient).anonymous
            #expect(try await anonymous.send(.get, "/programs").status == .unauthorized)
            #expect(
                try await client.send(.get, "/calendars/participants/\(UUID().uuidString.lowercased())", headers: volunteer).status
                    == .forbidden)
        }
    }
}
