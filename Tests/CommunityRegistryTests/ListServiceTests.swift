import CommunityRegistry
import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ServiceKit
import ServiceTestSupport
import Testing

/// Lists a coordinator works with: pages with a cursor, narrowed by partnership, community,
/// program, side, language, role, and a name typed in Hebrew or English.
@Suite("Lists with cursors and filters", .serialized)
struct ListServiceTests {
    static let montreal = SampleCommunity(
        name: "Montréal", names: ["fr": "Montréal", "he": "מונטריאול"], kind: "globalCommunity", country: "CA", region: "Quebec",
        timeZone: "America/Toronto", coordinates: .init(latitude: 45.5019, longitude: -73.5674), languages: ["fr", "en"],
        contactEmail: "p2g@montreal.example")

    /// The names of the items of a list page under `key`.
    static func names(_ answer: HTTPExchange, _ key: String) throws -> [String] {
        #expect(answer.status == .ok, "\(answer.body)")
        return try #require(try answer.object()[key] as? [[String: Any]]).compactMap { $0["name"] as? String }
    }

    struct World {
        var registered: PartnershipServiceTests.Registered
        var consortium: String
        var pairing: String
        var kfarAza: String
    }

    /// The consortium's partnership, a Communities2Gether pairing of Kfar Aza with Des Moines,
    /// and Montréal in none.
    static func world(_ client: some TestClientProtocol) async throws -> World {
        let registered = try await PartnershipServiceTests.registerConsortium(client)
        let consortium = try #require(
            try await client.send(.post, "/partnerships", json: PartnershipServiceTests.formation(registered)).object()["id"] as? String)
        let kfarAza = try await client.register(SampleCommunity.kfarAza)
        _ = try await client.register(Self.montreal)
        let pairing = try await client.send(
            .post, "/partnerships",
            json: """
                {"name": "Kfar Aza – Des Moines", "names": {"he": "כפר עזה – דה מוין"}, "program": "communities2gether",
                 "israeli": [{"communityId": "\(kfarAza)", "joinedOn": "2024-05-23"}],
                 "global": [{"communityId": "\(registered.consortium["Des Moines"] ?? "")", "joinedOn": "2024-05-23"}]}
                """)
        #expect(pairing.status == .created, "\(pairing.body)")
        let pairingID = try #require(try pairing.object()["id"] as? String)
        return World(registered: registered, consortium: consortium, pairing: pairingID, kfarAza: kfarAza)
    }

    @Test("communities by partnership, program, side, language, and a name in Hebrew or English whatever its case and accents")
    func communities() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { _, client in
            let world = try await Self.world(client)
            let members = try Self.names(
                try await client.send(.get, "/communities?partnership=\(world.consortium)&asOf=2020-01-01"), "communities")
            #expect(Set(members) == Set(PartnershipServiceTests.founders + ["Western Galilee"]))
            #expect(
                try await client.send(.get, "/communities?partnership=\(world.consortium)&asOf=1990-01-01").object()["total"] as? Int == 0)

            #expect(
                Set(try Self.names(try await client.send(.get, "/communities?program=communities2gether"), "communities")) == [
                    "Kfar Aza", "Des Moines",
                ])
            #expect(
                Set(try Self.names(try await client.send(.get, "/communities?side=israeli"), "communities")) == [
                    "Western Galilee", "Kfar Aza",
                ])
            #expect(try Self.names(try await client.send(.get, "/communities?language=fr"), "communities") == ["Montréal"])
            #expect(try Self.names(try await client.send(.get, "/communities?name=montreal"), "communities") == ["Montréal"])
            #expect(try Self.names(try await client.send(.get, "/communities?name=DES%20moines"), "communities") == ["Des Moines"])
            let hebrew = "דה מוין".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? ""
            #expect(try Self.names(try await client.send(.get, "/communities?name=\(hebrew)"), "communities") == ["Des Moines"])
            let galilee = "גליל".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? ""
            #expect(
                try Self.names(try await client.send(.get, "/communities?name=\(galilee)&side=israeli"), "communities") == [
                    "Western Galilee"
                ])
        }
    }

    @Test("a list pages with a cursor: every item once, in order, with the same total on every page")
    func paging() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { _, client in
            _ = try await Self.world(client)
            var seen: [String] = []
            var after = ""
            for _ in 0..<10 {
                let page = try await client.send(.get, "/communities?limit=4\(after.isEmpty ? "" : "&after=\(after)")")
                #expect(try page.object()["total"] as? Int == 17)
                let items = try #require(try page.object()["communities"] as? [[String: Any]])
                if items.isEmpty { break }
                seen += items.compactMap { $0["name"] as? String }
                after = try #require(items.last?["id"] as? String)
            }
            #expect(seen.count == 17 && Set(seen).count == 17)
        }
    }

    @Test("partnerships by community, program and name")
    func partnerships() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { _, client in
            let world = try await Self.world(client)
            let desMoines = try #require(world.registered.consortium["Des Moines"])
            #expect(try Self.names(try await client.send(.get, "/partnerships?community=\(desMoines)"), "partnerships").count == 2)
            #expect(
                try Self.names(try await client.send(.get, "/partnerships?community=\(world.kfarAza)"), "partnerships") == [
                    "Kfar Aza – Des Moines"
                ])
            #expect(
                try Self.names(try await client.send(.get, "/partnerships?program=partnership2gether"), "partnerships") == [
                    "Western Galilee – Central Area Consortium"
                ])
            let hebrew = "קונסורציום".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? ""
            #expect(try Self.names(try await client.send(.get, "/partnerships?name=\(hebrew)"), "partnerships").count == 1)
            #expect(try Self.names(try await client.send(.get, "/partnerships?name=KFAR"), "partnerships") == ["Kfar Aza – Des Moines"])
        }
    }

    @Test("volunteers by partnership, program, side, language, role (their own or a committee's) and name with or without Hebrew points")
    func volunteers() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { _, client in
            let world = try await Self.world(client)
            func volunteer(_ json: String) async throws -> String {
                let answer = try await client.send(.post, "/volunteers", json: json)
                #expect(answer.status == .created, "\(answer.body)")
                return try #require(try answer.object()["id"] as? String)
            }
            let desMoines = try #require(world.registered.consortium["Des Moines"])
            let tulsa = try #require(world.registered.consortium["Tulsa"])
            let miriam = try await volunteer(
                #"{"name": "Miriam Adler", "names": {"he": "מרים אדלר"}, "homeCommunityId": "\#(desMoines)", "languages": ["en", "he"], "roles": ["host-family"]}"#
            )
            _ = try await volunteer(
                #"{"name": "Noa Levi", "homeCommunityId": "\#(world.registered.westernGalilee)", "languages": ["he", "ru"]}"#)
            _ = try await volunteer(
                #"{"name": "Tamar Ben-David", "homeCommunityId": "\#(world.kfarAza)", "languages": ["he-IL"], "roles": ["educator"]}"#)
            _ = try await volunteer(#"{"name": "Sarah Katz", "homeCommunityId": "\#(tulsa)", "languages": ["en"]}"#)
            let erased = try await volunteer(#"{"name": "Dov Erased", "homeCommunityId": "\#(desMoines)", "languages": ["en"]}"#)
            #expect(try await client.send(.delete, "/volunteers/\(erased)").status == .noContent)

            let committees = try await client.send(.get, "/partnerships/\(world.consortium)/committees")
            let joint = try #require((try committees.object()["committees"] as? [[String: Any]])?.first?["id"] as? String)
            let seated = try await client.send(
                .post, "/partnerships/\(world.consortium)/committees/\(joint)/members",
                json: #"{"volunteerId": "\#(miriam)", "role": "chair", "termStart": "2019-01-01"}"#)
            #expect(seated.status == .created)

            func listed(_ query: String) async throws -> Set<String> {
                Set(try Self.names(try await client.send(.get, "/volunteers?\(query)"), "volunteers"))
            }
            #expect(try await listed("partnership=\(world.consortium)") == ["Miriam Adler", "Noa Levi"])
            #expect(try await listed("program=communities2gether") == ["Miriam Adler", "Tamar Ben-David"])
            #expect(try await listed("side=israeli") == ["Noa Levi", "Tamar Ben-David"])
            #expect(try await listed("language=he") == ["Miriam Adler", "Noa Levi", "Tamar Ben-David"])
            #expect(try await listed("language=ru") == ["Noa Levi"])
            #expect(try await listed("role=chair") == ["Miriam Adler"])
            #expect(try await listed("role=chair&asOf=2018-01-01").isEmpty)
            #expect(try await listed("role=educator") == ["Tamar Ben-David"])
            #expect(try await listed("community=\(desMoines)") == ["Miriam Adler"])
            let pointed = "מִרְיָם".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? ""
            #expect(try await listed("name=\(pointed)") == ["Miriam Adler"])
            #expect(try await listed("name=ben-DAVID") == ["Tamar Ben-David"])
            #expect(try await client.send(.get, "/volunteers").object()["total"] as? Int == 4)
        }
    }

    @Test("a filter that is not valid is a 400 naming each bad parameter")
    func invalidFilter() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { _, client in
            let answer = try await client.send(
                .get, "/volunteers?side=north&language=english&partnership=western-galilee&role=Chair&asOf=2020-02-30")
            #expect(answer.status == .badRequest)
            #expect(Set(try answer.invalidFields()) == ["side", "language", "partnership", "role", "asOf"])
            let cursor = try await client.send(.get, "/partnerships?after=last")
            #expect(cursor.status == .badRequest)
            #expect(try cursor.invalidFields() == ["after"])
        }
    }
}
