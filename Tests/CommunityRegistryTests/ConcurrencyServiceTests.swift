import CommunityRegistry
import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ServiceKit
import ServiceTestSupport
import Testing

/// Two coordinators at once: the registry's locks let one change through and refuse the other.
@Suite("Coordinators working at the same time", .serialized)
struct ConcurrencyServiceTests {
    @Test("two changes from the same version at once: one is stored, the other is refused as stale")
    func sameVersionTwice() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { service, client in
            let id = try await client.register(SampleCommunity.centralAreaConsortium[1])
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for region in ["Douglas County", "Sarpy County"] {
                    group.addTask {
                        try await client.send(
                            .patch, "/communities/\(id)", json: #"{"region": "\#(region)"}"#, headers: [.ifMatch: "\"1\""]
                        ).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.sorted { $0.code < $1.code } == [.ok, .preconditionFailed])
            #expect(try await service.outboxEvents(CommunityUpdated.self).count == 1)
            let shown = try await client.send(.get, "/communities/\(id)")
            #expect(shown.headers[.eTag] == "\"2\"")
        }
    }

    @Test("two chairs of one side seated at once: one takes the chair, the other is refused")
    func twoChairsAtOnce() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { service, client in
            let registered = try await PartnershipServiceTests.registerConsortium(client)
            let partnership = try #require(
                try await client.send(.post, "/partnerships", json: PartnershipServiceTests.formation(registered)).headers[.location])
            let listed = try await client.send(.get, "\(partnership)/committees")
            let joint = try #require((try listed.object()["committees"] as? [[String: Any]])?.first?["id"] as? String)
            let miriam = try await CommitteeServiceTests.volunteer(
                "Miriam Adler", of: try #require(registered.consortium["Des Moines"]), client)
            let david = try await CommitteeServiceTests.volunteer("David Stern", of: try #require(registered.consortium["Omaha"]), client)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for volunteer in [miriam, david] {
                    group.addTask {
                        try await client.send(
                            .post, "\(partnership)/committees/\(joint)/members",
                            json: #"{"volunteerId": "\#(volunteer)", "role": "chair", "termStart": "2020-01-01"}"#
                        ).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.sorted { $0.code < $1.code } == [.created, .conflict])
            #expect(try await service.count("SELECT count(*) FROM committee_seats WHERE role = 'chair'") == 1)
        }
    }

    @Test("a formation retried with its Idempotency-Key forms one partnership and answers with it")
    func retriedFormation() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { service, client in
            let registered = try await PartnershipServiceTests.registerConsortium(client)
            let body = PartnershipServiceTests.formation(registered)
            let key = HTTPFields([HTTPField(name: try #require(HTTPField.Name("Idempotency-Key")), value: "consortium-1997")])
            let first = try await client.send(.post, "/partnerships", json: body, headers: key)
            let again = try await client.send(.post, "/partnerships", json: body, headers: key)
            #expect(first.status == .created && again.status == .ok)
            #expect(try first.object()["id"] as? String == again.object()["id"] as? String)
            #expect(try await service.count("SELECT count(*) FROM partnerships") == 1)
            #expect(try await service.outboxEvents(PartnershipFormed.self).count == 1)
        }
    }
}
