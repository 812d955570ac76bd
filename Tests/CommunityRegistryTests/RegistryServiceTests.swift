import CommunityRegistry
import Contracts
import Foundation
import Hummingbird
import HummingbirdTesting
import ServiceKit
import ServiceTestSupport
import Testing

/// The registry in-process against the real PostgreSQL and RabbitMQ, driven through its routes
/// and its command queue.
@Suite("The registry service", .serialized)
struct RegistryServiceTests {
    static let desMoines = """
        {"name": "Des Moines", "kind": "globalCommunity", "country": "US", "region": "Iowa", "timeZone": "America/Chicago",
         "coordinates": {"latitude": 41.5868, "longitude": -93.625}, "languages": ["en", "he"],
         "contactEmail": "partnership@desmoines.example"}
        """

    static let kfarAza = RegisterCommunity(
        name: "Kfar Aza", kind: .israeliLocality, country: "IL", region: "Western Negev", timeZone: "Asia/Jerusalem",
        coordinates: Coordinates(latitude: 31.4836, longitude: 34.5336), languages: ["he", "en"], contactEmail: "team@kfar-aza.example")

    static func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    @Test("a registered community is stored, shown by its id and in the list, and its event is published")
    func registerAndRead() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { service, client in
            let location = try await client.execute(
                uri: "/communities", method: .post, headers: [.contentType: "application/json"], body: Self.json(Self.desMoines)
            ) { response in
                #expect(response.status == .created)
                return try #require(response.headers[.location])
            }
            try await client.execute(uri: location, method: .get) { response in
                #expect(response.status == .ok)
                let community = try JSONDecoder().decode(Shown.self, from: Data(buffer: response.body))
                #expect(community.name == "Des Moines" && community.languages == ["en", "he"])
            }
            try await client.execute(uri: "/communities", method: .get) { response in
                #expect(String(buffer: response.body).contains(#""total":1"#))
            }
            try await service.waitUntil("the relay has published the event") {
                try await service.count(
                    "SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL AND message_type = 'registry.community-registered.v1'")
                    == 1
            }
        }
    }

    struct Shown: Decodable {
        var name: String
        var languages: [String]
    }

    @Test("bad bodies get problems and store nothing: 415, 400, 422 naming every field")
    func badBodies() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { service, client in
            try await client.execute(uri: "/communities", method: .post, headers: [.contentType: "text/plain"], body: Self.json("x")) {
                #expect($0.status == .unsupportedMediaType)
                #expect($0.headers[.contentType] == "application/problem+json")
            }
            try await client.execute(
                uri: "/communities", method: .post, headers: [.contentType: "application/json"], body: Self.json("{\"name\": ")
            ) { #expect($0.status == .badRequest) }
            let wrong = Self.desMoines.replacingOccurrences(of: "\"US\"", with: "\"USA\"").replacingOccurrences(
                of: "\"Iowa\"", with: "\"\"")
            try await client.execute(
                uri: "/communities", method: .post, headers: [.contentType: "application/json"], body: Self.json(wrong)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let body = String(buffer: response.body)
                #expect(body.contains(#""name":"country""#) && body.contains(#""name":"region""#))
            }
            #expect(try await service.count("SELECT count(*) FROM communities") == 0)
        }
    }

    @Test("a register-community command is handled once, even delivered twice, and its event names the command as its cause")
    func commandRoundTrip() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { service, client in
            #expect(service.application.consumedQueues == ["registry.events", "registry.commands"])
            let messageID = UUID()
            try await service.send(Self.kfarAza, messageID: messageID)
            try await service.send(Self.kfarAza, messageID: messageID)
            try await service.waitUntil("the command is handled") {
                try await service.count("SELECT count(*) FROM inbox WHERE message_id = \(messageID)") == 1
            }
            try await service.waitUntil("the queue is drained") {
                try await service.amqp.queueStatus("registry.commands").messageCount == 0
            }
            // The duplicate was delivered and skipped: still one community, one event.
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await service.count("SELECT count(*) FROM communities WHERE name = 'Kfar Aza'") == 1)
            #expect(
                try await service.count(
                    "SELECT count(*) FROM outbox WHERE causation_id = \(messageID.uuidString.lowercased()) AND message_type = 'registry.community-registered.v1'"
                ) == 1)
            try await client.execute(uri: "/communities", method: .get) { response in
                #expect(String(buffer: response.body).contains("Kfar Aza"))
            }
            #expect(try await service.takeParked().isEmpty)
        }
    }

    @Test("a command that does not decode, or names invalid fields, is parked on registry.dead with its reason")
    func malformedCommandsAreParked() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { service, _ in
            let type = RegisterCommunity.commandType.description
            try await service.publish(exchange: MessagingNames.commandsExchange, type: type, body: Array(#"{"name": "Nowhere"}"#.utf8))
            var invalid = Self.kfarAza
            invalid.country = "USA"
            try await service.send(invalid)
            var parked: [(type: String?, reason: String)] = []
            try await service.waitUntil("both commands are parked") {
                parked += try await service.takeParked()
                return parked.count == 2
            }
            #expect(parked.allSatisfy { $0.type == type })
            #expect(parked.contains { $0.reason.contains("does not decode") && $0.reason.contains("kind") })
            #expect(parked.contains { $0.reason.contains("country") && $0.reason.contains("ISO 3166-1") })
            #expect(try await service.count("SELECT count(*) FROM communities") == 0)
        }
    }

    @Test("every route is in the OpenAPI document, and every operation of the document is a route")
    func documentedRoutes() async throws {
        try await InProcessService.run(CommunityRegistryService.definition) { service, client in
            try await service.expectRoutesMatchTheDocument(client)
        }
    }
}
