import CommunityRegistry
import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ServiceKit
import ServiceTestSupport
import Testing

/// Partnerships and their history through the API: the Central Area Consortium of 14 US
/// communities with the Western Galilee, members joining and leaving over the years.
@Suite("Partnerships with their history", .serialized)
struct PartnershipServiceTests {
    /// The consortium's communities by name, registered, and the Western Galilee's id.
    struct Registered {
        var westernGalilee: String
        var consortium: [String: String]
    }

    static func registerConsortium(_ client: some TestClientProtocol) async throws -> Registered {
        var consortium: [String: String] = [:]
        for community in SampleCommunity.centralAreaConsortium { consortium[community.name] = try await client.register(community) }
        return Registered(westernGalilee: try await client.register(SampleCommunity.westernGalilee), consortium: consortium)
    }

    /// The ten communities that formed the partnership with the Western Galilee.
    static let founders = [
        "Des Moines", "Omaha", "Austin", "Cedar Rapids", "Fort Worth", "Kansas City", "Lincoln", "Little Rock", "Memphis", "Oklahoma City",
    ]

    static func formation(_ registered: Registered) -> String {
        let global = founders.map { #"{"communityId": "\#(registered.consortium[$0] ?? "")", "joinedOn": "1997-01-01"}"# }
        return """
            {"name": "Western Galilee – Central Area Consortium", "names": {"he": "מערב הגליל – קונסורציום האזור המרכזי"},
             "program": "partnership2gether", "formedOn": "1997-01-01",
             "israeli": [{"communityId": "\(registered.westernGalilee)", "joinedOn": "1997-01-01"}],
             "global": [\(global.joined(separator: ", "))]}
            """
    }

    /// The names of the global communities the partnership shows.
    static func globalNames(_ answer: HTTPExchange) throws -> [String] {
        try #require(try answer.object()["global"] as? [[String: Any]]).compactMap { $0["name"] as? String }
    }

    @Test("members join and leave over the years; asOf answers who was in it before, between and after")
    func consortiumHistory() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { service, client in
            let registered = try await Self.registerConsortium(client)
            let formed = try await client.send(.post, "/partnerships", json: Self.formation(registered))
            #expect(formed.status == .created, "\(formed.body)")
            let location = try #require(formed.headers[.location])

            func join(_ name: String, _ date: String) async throws {
                let answer = try await client.send(
                    .post, "\(location)/members", json: #"{"communityId": "\#(registered.consortium[name] ?? "")", "joinedOn": "\#(date)"}"#
                )
                #expect(answer.status == .created, "\(name): \(answer.body)")
            }
            func leave(_ name: String, _ date: String) async throws {
                let answer = try await client.send(
                    .post, "\(location)/departures",
                    json: #"{"communityId": "\#(registered.consortium[name] ?? "")", "leftOn": "\#(date)"}"#)
                #expect(answer.status == .ok, "\(name): \(answer.body)")
            }
            try await join("San Antonio", "2003-09-01")
            try await join("Tulsa", "2005-01-01")
            try await join("Wichita", "2008-06-01")
            try await leave("Little Rock", "2009-01-01")
            try await join("Waco", "2010-01-01")
            try await leave("Kansas City", "2012-07-01")
            try await join("Little Rock", "2015-01-01")

            let before = try await client.send(.get, "\(location)?asOf=1996-12-31")
            #expect(before.status == .ok)
            #expect(try Self.globalNames(before).isEmpty)
            #expect(try (before.object()["israeli"] as? [Any])?.isEmpty == true)

            let founding = try await client.send(.get, "\(location)?asOf=1997-01-01")
            #expect(Set(try Self.globalNames(founding)) == Set(Self.founders))
            let israeli = try #require(try founding.object()["israeli"] as? [[String: Any]])
            #expect(israeli.map { $0["name"] as? String } == ["Western Galilee"])
            #expect((israeli.first?["names"] as? [String: String])?["he"] == "מערב הגליל")

            // 2009: Wichita has joined, Little Rock has left on New Year's Day, Waco is not there yet.
            let between = Set(try Self.globalNames(try await client.send(.get, "\(location)?asOf=2009-06-01")))
            #expect(between.contains("Wichita") && between.contains("San Antonio") && between.contains("Tulsa"))
            #expect(!between.contains("Little Rock") && !between.contains("Waco"))
            #expect(between.count == 12)
            let lastDay = Set(try Self.globalNames(try await client.send(.get, "\(location)?asOf=2008-12-31")))
            #expect(lastDay.contains("Little Rock"))

            // Today all 14 but Kansas City; Little Rock is back.
            let after = Set(try Self.globalNames(try await client.send(.get, "\(location)?asOf=2024-06-01")))
            #expect(after == Set(SampleCommunity.centralAreaConsortium.map(\.name)).subtracting(["Kansas City"]))

            // Without asOf: every stay, nothing deleted (Little Rock twice, Kansas City with its end).
            let history = try await client.send(.get, location)
            let stays = try #require(try history.object()["global"] as? [[String: Any]])
            #expect(stays.count == 15)
            #expect(stays.filter { $0["name"] as? String == "Little Rock" }.map { $0["leftOn"] as? String } == ["2009-01-01", nil])
            #expect(stays.first { $0["name"] as? String == "Kansas City" }?["leftOn"] as? String == "2012-07-01")

            #expect(try await service.outboxEvents(PartnershipFormed.self).map(\.members.count) == [11])
            let joined = try await service.outboxEvents(PartnershipMemberJoined.self)
            #expect(joined.map(\.joinedOn.description) == ["2003-09-01", "2005-01-01", "2008-06-01", "2010-01-01", "2015-01-01"])
            #expect(joined.allSatisfy { $0.side == .global })
            let left = try await service.outboxEvents(PartnershipMemberLeft.self)
            #expect(left.map(\.leftOn.description) == ["2009-01-01", "2012-07-01"])
            #expect(left.first?.joinedOn.description == "1997-01-01")
        }
    }

    @Test("a community can be in two partnerships at once: Des Moines adds a Communities2Gether pairing with Kfar Aza")
    func twoPartnerships() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { _, client in
            let registered = try await Self.registerConsortium(client)
            let consortium = try await client.send(.post, "/partnerships", json: Self.formation(registered))
            #expect(consortium.status == .created)
            let kfarAza = try await client.register(SampleCommunity.kfarAza)
            let desMoines = try #require(registered.consortium["Des Moines"])
            let pairing = try await client.send(
                .post, "/partnerships",
                json: """
                    {"name": "Kfar Aza – Des Moines", "program": "communities2gether",
                     "israeli": [{"communityId": "\(kfarAza)", "joinedOn": "2024-05-23"}],
                     "global": [{"communityId": "\(desMoines)", "joinedOn": "2024-05-23"}]}
                    """)
            #expect(pairing.status == .created, "\(pairing.body)")
            #expect(try pairing.object()["formedOn"] as? String == "2024-05-23")
            #expect(try pairing.object()["program"] as? String == "communities2gether")
            for location in [try #require(consortium.headers[.location]), try #require(pairing.headers[.location])] {
                let names = try Self.globalNames(try await client.send(.get, "\(location)?asOf=2024-06-01"))
                #expect(names.contains("Des Moines"), "\(location)")
            }
        }
    }

    @Test("an invalid formation names every bad field, unknown communities among them, and stores nothing")
    func invalidFormation() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { service, client in
            let registered = try await Self.registerConsortium(client)
            let omaha = try #require(registered.consortium["Omaha"])
            let answer = try await client.send(
                .post, "/partnerships",
                json: """
                    {"name": "  ", "program": "partnership2000", "formedOn": "1997-01-01",
                     "israeli": [{"communityId": "\(omaha)", "joinedOn": "1997-01-01"}],
                     "global": [{"communityId": "0190a5c3-7e1f-7a4b-9c2d-5e6f7a8b9c0d", "joinedOn": "1997-01-01"},
                                {"communityId": "\(omaha)", "joinedOn": "1996-02-30"},
                                {"communityId": "Omaha", "joinedOn": "1996-12-01"}]}
                    """)
            #expect(answer.status == .unprocessableContent)
            #expect(
                Set(try answer.invalidFields()) == [
                    "name", "program", "israeli[0].communityId", "global[0].communityId", "global[1].joinedOn", "global[2].communityId",
                    "global[2].joinedOn",
                ])
            #expect(try await service.count("SELECT count(*) FROM partnerships") == 0)
            #expect(try await service.count("SELECT count(*) FROM partnership_memberships") == 0)
            #expect(try await service.outboxEvents(PartnershipFormed.self).isEmpty)
        }
    }

    @Test("leaving before joining, joining twice, leaving when not a member, unknown ids: each refused, naming the field")
    func refusedChanges() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { service, client in
            let registered = try await Self.registerConsortium(client)
            let location = try #require(try await client.send(.post, "/partnerships", json: Self.formation(registered)).headers[.location])
            let omaha = try #require(registered.consortium["Omaha"])
            let waco = try #require(registered.consortium["Waco"])

            let early = try await client.send(
                .post, "\(location)/departures", json: #"{"communityId": "\#(omaha)", "leftOn": "1996-06-01"}"#)
            #expect(early.status == .unprocessableContent)
            #expect(try early.invalidFields() == ["leftOn"])

            let twice = try await client.send(
                .post, "\(location)/members", json: #"{"communityId": "\#(omaha)", "joinedOn": "2001-01-01"}"#)
            #expect(twice.status == .conflict)
            #expect(try twice.invalidFields() == ["communityId"])

            let notMember = try await client.send(
                .post, "\(location)/departures", json: #"{"communityId": "\#(waco)", "leftOn": "2001-01-01"}"#)
            #expect(notMember.status == .conflict)

            let beforeFormed = try await client.send(
                .post, "\(location)/members", json: #"{"communityId": "\#(waco)", "joinedOn": "1990-01-01"}"#)
            #expect(beforeFormed.status == .unprocessableContent)
            #expect(try beforeFormed.invalidFields() == ["joinedOn"])

            let unknown = try await client.send(
                .post, "\(location)/members", json: #"{"communityId": "0190a5c3-7e1f-7a4b-9c2d-5e6f7a8b9c0d", "joinedOn": "2001-01-01"}"#)
            #expect(unknown.status == .unprocessableContent)
            #expect(try unknown.invalidFields() == ["communityId"])

            let bad = try await client.send(.post, "\(location)/members", json: #"{"communityId": "waco", "joinedOn": "2001-13-01"}"#)
            #expect(try bad.invalidFields() == ["communityId", "joinedOn"])

            // Waco stays away until 2010, then joins; a second stay cannot begin inside the first.
            #expect(
                try await client.send(.post, "\(location)/members", json: #"{"communityId": "\#(waco)", "joinedOn": "2010-01-01"}"#).status
                    == .created)
            #expect(
                try await client.send(.post, "\(location)/departures", json: #"{"communityId": "\#(waco)", "leftOn": "2014-01-01"}"#).status
                    == .ok)
            let overlapping = try await client.send(
                .post, "\(location)/members", json: #"{"communityId": "\#(waco)", "joinedOn": "2013-01-01"}"#)
            #expect(overlapping.status == .conflict)
            #expect(try overlapping.invalidFields() == ["joinedOn"])

            let nowhere = try await client.send(
                .post, "/partnerships/0190a5c3-7e1f-7a4b-9c2d-5e6f7a8b9c0d/members",
                json: #"{"communityId": "\#(waco)", "joinedOn": "2010-01-01"}"#)
            #expect(nowhere.status == .notFound)
            #expect(try await client.send(.get, "\(location)?asOf=2012-13-01").status == .badRequest)

            #expect(
                try await service.count("SELECT count(*) FROM partnership_memberships WHERE community_id = \(UUID(uuidString: waco))") == 1)
            #expect(try await service.outboxEvents(PartnershipMemberJoined.self).count == 1)
        }
    }
}
