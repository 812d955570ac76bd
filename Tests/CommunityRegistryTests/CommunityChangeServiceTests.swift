import CommunityRegistry
import Contracts
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ServiceKit
import ServiceTestSupport
import Testing

/// Communities' names in several languages, their versions and their changes, through the API.
@Suite("Community names and changes", .serialized)
struct CommunityChangeServiceTests {
    @Test("names in Hebrew and English are kept as typed and shown with the community, whose ETag is its version")
    func namesAndETag() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { _, client in
            let id = try await client.register(SampleCommunity.westernGalilee)
            let shown = try await client.send(.get, "/communities/\(id)")
            #expect(shown.status == .ok)
            #expect(shown.headers[.eTag] == "\"1\"")
            let names = try #require(try shown.object()["names"] as? [String: String])
            #expect(names == ["en": "Western Galilee", "he": "מערב הגליל"])
            #expect(try shown.object()["name"] as? String == "Western Galilee")
        }
    }

    @Test("a community registered with only its name still registers, with no names in other languages")
    func nameAlone() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { _, client in
            var omaha = SampleCommunity.centralAreaConsortium[1]
            omaha.names = [:]
            let id = try await client.register(omaha)
            let shown = try await client.send(.get, "/communities/\(id)").object()
            #expect(shown["name"] as? String == "Omaha")
            #expect((shown["names"] as? [String: String])?.isEmpty == true)
        }
    }

    @Test("a change needs If-Match: 428 without it, 412 from a stale version, and from the current one it is stored and announced")
    func optimisticConcurrency() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { service, client in
            let id = try await client.register(SampleCommunity.centralAreaConsortium[0])
            let change = #"{"names": {"he": "דה מוין, איווה", "ru": "Де-Мойн"}, "contactEmail": "p2g@desmoines.example"}"#

            let unconditional = try await client.send(.patch, "/communities/\(id)", json: change)
            #expect(unconditional.status == .preconditionRequired)

            let first = try await client.send(.patch, "/communities/\(id)", json: change, headers: [.ifMatch: "\"1\""])
            #expect(first.status == .ok, "\(first.body)")
            #expect(first.headers[.eTag] == "\"2\"")
            #expect(try first.object()["names"] as? [String: String] == ["en": "Des Moines", "he": "דה מוין, איווה", "ru": "Де-Мойн"])

            // A second coordinator still holding version 1 is refused, and nothing of theirs is kept.
            let stale = try await client.send(
                .patch, "/communities/\(id)", json: #"{"region": "Polk County"}"#, headers: [.ifMatch: "\"1\""])
            #expect(stale.status == .preconditionFailed)
            let now = try await client.send(.get, "/communities/\(id)")
            #expect(try now.object()["region"] as? String == "Iowa")
            #expect(now.headers[.eTag] == "\"2\"")

            let events = try await service.outboxEvents(CommunityUpdated.self)
            #expect(events.count == 1)
            let event = try #require(events.first)
            #expect(event.communityId.uuidString.lowercased() == id)
            #expect(event.version == 2)
            #expect(Set(event.changed) == ["names", "contactEmail"])
            #expect(event.names?["ru"] == "Де-Мойн" && event.contactEmail == "p2g@desmoines.example")
            #expect(event.region == nil && event.timeZone == nil)
        }
    }

    @Test("a language set to null is removed; a change to what is already there changes nothing; the kind cannot change")
    func mergeRules() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { service, client in
            let id = try await client.register(SampleCommunity.kfarAza)
            let removed = try await client.send(.patch, "/communities/\(id)", json: #"{"names": {"en": null}}"#, headers: [.ifMatch: "*"])
            #expect(removed.status == .ok)
            #expect(try removed.object()["names"] as? [String: String] == ["he": "כפר עזה"])

            let same = try await client.send(
                .patch, "/communities/\(id)", json: #"{"region": "Western Negev"}"#, headers: [.ifMatch: "\"2\""])
            #expect(same.status == .ok)
            #expect(same.headers[.eTag] == "\"2\"")

            let kind = try await client.send(
                .patch, "/communities/\(id)", json: #"{"kind": "globalCommunity"}"#, headers: [.ifMatch: "\"2\""])
            #expect(kind.status == .unprocessableContent)
            #expect(try kind.invalidFields() == ["kind"])
            #expect(try await service.outboxEvents(CommunityUpdated.self).map(\.version) == [2])
        }
    }

    @Test("an unknown community is 404, and a change to it stores nothing")
    func unknownCommunity() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { _, client in
            let id = "0190a5c3-7e1f-7a4b-9c2d-5e6f7a8b9c0d"
            let shown = try await client.send(.get, "/communities/\(id)")
            #expect(shown.status == .notFound)
            let changed = try await client.send(.patch, "/communities/\(id)", json: #"{"region": "x"}"#, headers: [.ifMatch: "\"1\""])
            #expect(changed.status == .notFound)
        }
    }

    @Test(
        "a NUL character in any text field is a 422 naming that field, and nothing is stored",
        arguments: ["name", "region", "contactEmail", "timeZone", "country", "kind", "names.he", "languages[0]"])
    func nulCharacter(field: String) async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { service, client in
            var body = try #require(
                try JSONSerialization.jsonObject(with: JSONEncoder().encode(SampleCommunity.westernGalilee)) as? [String: Any])
            switch field {
            case "names.he": body["names"] = ["en": "Western Galilee", "he": "מערב\u{0}הגליל"]
            case "languages[0]": body["languages"] = ["he\u{0}", "en"]
            default: body[field] = "\(body[field] ?? "")\u{0}"
            }
            let json = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
            #expect(json.contains("\\u0000"))
            let answer = try await client.send(.post, "/communities", json: json)
            #expect(answer.status == .unprocessableContent, "\(answer.body)")
            #expect(try answer.invalidFields() == [field])
            #expect(try await service.count("SELECT count(*) FROM communities") == 0)

            if !["kind", "country"].contains(field) {
                let id = try await client.register(SampleCommunity.westernGalilee)
                let change: String
                switch field {
                case "names.he": change = #"{"names": {"he": "\u0000"}}"#
                case "languages[0]": change = #"{"languages": ["\u0000"]}"#
                default: change = "{\"\(field)\": \"x\\u0000\"}"
                }
                let changed = try await client.send(.patch, "/communities/\(id)", json: change, headers: [.ifMatch: "\"1\""])
                #expect(changed.status == .unprocessableContent, "\(changed.body)")
                #expect(try changed.invalidFields() == [field])
            }
        }
    }

    @Test("an unexpected failure answers 500 naming the request's id, and logs one line with that id and the error, never the body")
    func unexpectedFailure() async throws {
        let logs = LogCapture()
        try await InProcessService.run(CommunityRegistryService.definition, logs: logs) { service, client in
            // The table goes away under the running service, as a botched manual repair would do.
            try await service.database.query("ALTER TABLE communities RENAME TO communities_moved")
            let answer = try await client.send(.post, "/communities", body: SampleCommunity.westernGalilee)
            #expect(answer.status == .internalServerError)
            #expect(answer.headers[.contentType] == "application/problem+json")
            let detail = try #require(try answer.object()["detail"] as? String)

            let failures = logs.lines.filter { $0.level >= .error }
            #expect(failures.count == 1, "\(failures.map(\.text))")
            let line = try #require(failures.first)
            let requestID = try #require(line.metadata["request_id"])
            #expect(detail.contains(requestID))
            #expect(line.metadata["error"]?.contains("communities") == true, "\(line.text)")
            #expect(line.metadata["path"] == "/communities")
            for line in logs.lines {
                #expect(!line.text.contains("p2g@western-galilee.example") && !line.text.contains("מערב הגליל"), "\(line.text)")
            }
            try await service.database.query("ALTER TABLE communities_moved RENAME TO communities")
        }
    }
}
