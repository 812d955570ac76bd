import CommunityRegistry
import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ServiceKit
import ServiceTestSupport
import Testing

/// Volunteers and their consent through the API. Every person here is fictional, on the
/// reserved `.example` domain.
@Suite("Volunteers and their consent", .serialized)
struct VolunteerServiceTests {
    static func miriam(home: String) -> String {
        """
        {"name": "Miriam Adler", "names": {"he": "מרים אדלר"}, "homeCommunityId": "\(home)", "languages": ["en", "he"],
         "roles": ["host-family", "steering-committee"],
         "contactChannels": [
            {"kind": "email", "address": "miriam.adler@desmoines.example", "consent": {"given": true, "at": "2024-05-01T09:30:00Z"}},
            {"kind": "phone", "address": "+1 515 555 0134", "consent": {"given": false, "at": "2024-05-01T09:31:00Z"}}]}
        """
    }

    @Test("a volunteer is registered with languages in order, the community's time zone, roles and each channel's consent")
    func register() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { service, client in
            let desMoines = try await client.register(SampleCommunity.centralAreaConsortium[0])
            let created = try await client.send(.post, "/volunteers", json: Self.miriam(home: desMoines))
            #expect(created.status == .created, "\(created.body)")
            #expect(created.headers[.eTag] == "\"1\"")
            let shown = try await client.send(.get, try #require(created.headers[.location]))
            let volunteer = try shown.object()
            #expect(volunteer["name"] as? String == "Miriam Adler")
            #expect(volunteer["languages"] as? [String] == ["en", "he"])
            #expect(volunteer["timeZone"] as? String == "America/Chicago")
            #expect(volunteer["side"] as? String == "global")
            #expect(volunteer["roles"] as? [String] == ["host-family", "steering-committee"])
            let channels = try #require(volunteer["contactChannels"] as? [[String: Any]])
            #expect(channels.map { $0["address"] as? String } == ["miriam.adler@desmoines.example", "+15155550134"])
            #expect(channels.map { ($0["consent"] as? [String: Any])?["given"] as? Bool } == [true, false])
            #expect((channels.first?["consent"] as? [String: Any])?["at"] as? String == "2024-05-01T09:30:00.000Z")

            let events = try await service.outboxEvents(VolunteerRegistered.self)
            #expect(events.count == 1)
            #expect(events.first?.contactChannels.first?.consent.given == true && events.first?.timeZone == "America/Chicago")

            // A time zone of their own wins over the community's.
            let galilee = try await client.register(SampleCommunity.westernGalilee)
            let noa = try await client.send(
                .post, "/volunteers",
                json:
                    #"{"name": "נועה לוי", "names": {"en": "Noa Levi"}, "homeCommunityId": "\#(galilee)", "languages": ["he"], "timeZone": "Europe/Kyiv"}"#
            )
            #expect(noa.status == .created)
            #expect(try noa.object()["timeZone"] as? String == "Europe/Kyiv")
            #expect(try noa.object()["side"] as? String == "israeli")
        }
    }

    @Test("an invalid volunteer gets every bad field named, never a contact detail repeated, and nothing stored")
    func invalid() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { service, client in
            let answer = try await client.send(
                .post, "/volunteers",
                json: """
                    {"name": "", "homeCommunityId": "0190a5c3-7e1f-7a4b-9c2d-5e6f7a8b9c0d", "languages": ["hebrew"], "timeZone": "Galilee/Akko",
                     "roles": ["Host Family"],
                     "contactChannels": [
                        {"kind": "email", "address": "noa.levi at galilee.example", "consent": {"given": true}},
                        {"kind": "phone", "address": "050-123-4567", "consent": {"given": true, "at": "yesterday"}},
                        {"kind": "fax", "address": "x", "consent": {"given": true, "at": "2024-05-01T09:30:00Z"}}]}
                    """)
            #expect(answer.status == .unprocessableContent)
            #expect(
                Set(try answer.invalidFields()) == [
                    "name", "homeCommunityId", "languages[0]", "timeZone", "roles[0]", "contactChannels[0].address",
                    "contactChannels[0].consent.at", "contactChannels[1].address", "contactChannels[1].consent.at",
                    "contactChannels[2].kind",
                ])
            #expect(!answer.body.contains("noa.levi") && !answer.body.contains("123-4567"))
            #expect(try await service.count("SELECT count(*) FROM volunteers") == 0)
        }
    }

    @Test("a change needs the current version; it is announced with what changed")
    func change() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { service, client in
            let desMoines = try await client.register(SampleCommunity.centralAreaConsortium[0])
            let location = try #require(try await client.send(.post, "/volunteers", json: Self.miriam(home: desMoines)).headers[.location])
            let change = #"{"languages": ["he", "en", "ru"], "roles": ["educator"]}"#
            #expect(try await client.send(.patch, location, json: change).status == .preconditionRequired)
            let changed = try await client.send(.patch, location, json: change, headers: [.ifMatch: "\"1\""])
            #expect(changed.status == .ok, "\(changed.body)")
            #expect(try changed.object()["languages"] as? [String] == ["he", "en", "ru"])
            #expect(changed.headers[.eTag] == "\"2\"")
            #expect(
                try await client.send(.patch, location, json: #"{"name": "M. Adler"}"#, headers: [.ifMatch: "\"1\""]).status
                    == .preconditionFailed)
            let moved = try await client.send(
                .patch, location, json: #"{"homeCommunityId": "0190a5c3-7e1f-7a4b-9c2d-5e6f7a8b9c0d"}"#, headers: [.ifMatch: "\"2\""])
            #expect(try moved.invalidFields() == ["homeCommunityId"])
            let events = try await service.outboxEvents(VolunteerUpdated.self)
            #expect(events.map(\.changed) == [["languages", "roles"]])
            #expect(events.first?.roles == ["educator"] && events.first?.contactChannels == nil)
        }
    }

    @Test("erasure removes the personal data from the registry, keeps the volunteer as an anonymous member, and is announced once")
    func erasure() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { service, client in
            let desMoines = try await client.register(SampleCommunity.centralAreaConsortium[0])
            let location = try #require(try await client.send(.post, "/volunteers", json: Self.miriam(home: desMoines)).headers[.location])
            #expect(
                try await client.send(.patch, location, json: #"{"name": "Miriam R. Adler"}"#, headers: [.ifMatch: "\"1\""]).status == .ok)
            try await service.waitUntil("the registration and the change are published") {
                try await service.count(
                    "SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL AND message_type LIKE 'registry.volunteer-%'") == 2
            }

            #expect(try await client.send(.delete, location).status == .noContent)
            let shown = try await client.send(.get, location)
            #expect(shown.status == .ok)
            let remains = try shown.object()
            #expect(remains["name"] == nil && remains["timeZone"] == nil)
            #expect((remains["contactChannels"] as? [Any])?.isEmpty == true && (remains["names"] as? [String: Any])?.isEmpty == true)
            #expect(remains["erasedAt"] is String)
            #expect(
                remains["homeCommunityId"] as? String == desMoines
                    && remains["roles"] as? [String] == ["host-family", "steering-committee"])

            for personal in ["Miriam", "Adler", "מרים", "miriam.adler", "5550134"] {
                #expect(
                    try await service.count("SELECT count(*) FROM volunteers v WHERE v::text LIKE \("%" + personal + "%")") == 0,
                    "\(personal)")
                #expect(
                    try await service.count("SELECT count(*) FROM outbox o WHERE o::text LIKE \("%" + personal + "%")") == 0, "\(personal)")
            }

            #expect(try await client.send(.delete, location).status == .noContent)
            #expect(try await service.outboxEvents(VolunteerErased.self).count == 1)
            let late = try await client.send(.patch, location, json: #"{"name": "Miriam"}"#, headers: [.ifMatch: "*"])
            #expect(late.status == .conflict)
            #expect(try await client.send(.delete, "/volunteers/0190a5c3-7e1f-7a4b-9c2d-5e6f7a8b9c0d").status == .notFound)
        }
    }
}
