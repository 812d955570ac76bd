import AMQP
import Contracts
import Foundation
import Testing

@Suite("The registry's HTTP API")
struct RegistryAPITests {
    @Test(
        "invalid input: 422 naming every invalid field, 400 for a body that is not JSON, 415 for another content type; nothing registered")
    func invalidInputIsRefused() async throws {
        try await TestSystem.run { system in
            let registry = RegistryClient(try await system.start(.registry))

            let invalid = Data(
                #"{"name": "", "kind": "village", "country": "Israel", "region": "Western Galilee", "timeZone": "Mars/Olympus", "coordinates": {"latitude": 95, "longitude": 35}, "languages": ["hebrew!"]}"#
                    .utf8)
            let unprocessable = try await registry.register(invalid)
            #expect(unprocessable.status == 422)
            #expect(unprocessable.headers["content-type"] == "application/problem+json")
            struct Problem: Decodable {
                struct InvalidParam: Decodable {
                    let name: String
                    let reason: String
                }
                let status: Int
                let title: String
                let detail: String
                let invalidParams: [InvalidParam]?
                enum CodingKeys: String, CodingKey {
                    case status, title, detail
                    case invalidParams = "invalid-params"
                }
            }
            let problem = try unprocessable.json(Problem.self)
            let fields = Set(problem.invalidParams?.map(\.name) ?? [])
            #expect(fields == ["name", "kind", "country", "timeZone", "coordinates.latitude", "languages[0]", "contactEmail"], "\(fields)")

            let malformed = try await registry.register(Data("{not json".utf8))
            #expect(malformed.status == 400)
            #expect(try malformed.json(Problem.self).title == "Malformed body")

            let wrongType = try await registry.register(SampleCommunities.registration(1), headers: ["Content-Type": "text/plain"])
            #expect(wrongType.status == 415)

            let list = try await HTTPClient.get("\(registry.baseURL)/communities")
            #expect(try list.json(Total.self).total == 0)
            let outbox = try await system.database(for: .registry).client.query("SELECT count(*) FROM outbox")[0].decode(Int.self, at: 0)
            #expect(outbox == 0, "a refused registration announced nothing")
        }
    }

    @Test("the same Idempotency-Key twice: 201 then 200 with the same community, one event, one effect in the consumers")
    func idempotencyKey() async throws {
        try await TestSystem.run { system in
            let registry = RegistryClient(try await system.start(.registry))
            try await system.start(.matching)

            let body = SampleCommunities.registration(7)
            let first = try await registry.register(body, idempotencyKey: "form-submission-7")
            let second = try await registry.register(body, idempotencyKey: "form-submission-7")
            #expect(first.status == 201)
            #expect(second.status == 200)
            let id = try RegistryClient.communityID(first)
            #expect(try RegistryClient.communityID(second) == id)
            #expect(first.headers["location"] == "/communities/\(id.uuidString.lowercased())")

            let shown = try await HTTPClient.get("\(registry.baseURL)/communities/\(id.uuidString.lowercased())")
            #expect(shown.status == 200)
            #expect(try RegistryClient.communityID(shown) == id)

            try await system.waitForExactlyOnce(1, in: [.matching])
            #expect(try await system.database(for: .matching).communityIDs() == [id])
            let list = try await HTTPClient.get("\(registry.baseURL)/communities")
            #expect(try list.json(Total.self).total == 1)
        }
    }

    @Test("the traceparent of a registration travels to the published event, with the wire contract's properties")
    func traceContextReachesTheEvent() async throws {
        try await TestSystem.run { system in
            let registry = RegistryClient(try await system.start(.registry))
            // A queue of the test's own, bound like a consumer's, to see the message as published.
            let tap = "e2e.tap.\(UUID().uuidString.prefix(8).lowercased())"
            try await system.amqp.declare(AMQPQueue.quorum(tap))
            try await system.amqp.bind(
                AMQPBinding(queue: tap, exchange: MessagingNames.eventsExchange, routingKey: CommunityRegistered.eventType.description))
            do {
                let traceID = "4bf92f3577b34da6a3ce929d0e0e4736"
                let answer = try await registry.register(
                    SampleCommunities.registration(3), headers: ["traceparent": "00-\(traceID)-00f067aa0ba902b7-01"])
                #expect(answer.status == 201)
                #expect(answer.headers["traceparent"]?.contains(traceID) == true)
                let id = try RegistryClient.communityID(answer)

                let delivery = try await system.waitUntil("the event is published", probe: { try await system.amqp.get(from: tap) }) {
                    $0 != nil
                }
                let message = try #require(delivery)
                try await message.ack()
                let properties = message.properties
                let traceparent = try #require(properties.headers[MessagingNames.Header.traceparent]?.stringValue)
                #expect(traceparent.hasPrefix("00-\(traceID)-"), "the event continues the request's trace: \(traceparent)")
                #expect(!traceparent.contains("00f067aa0ba902b7"), "with a span of its own")
                #expect(properties.type == "registry.community-registered.v1")
                #expect(message.routingKey == "registry.community-registered.v1")
                #expect(properties.contentType == "application/json")
                #expect(properties.appID == "registry")
                #expect(properties.deliveryMode == .persistent)
                #expect(properties.correlationID == id.uuidString.lowercased())
                #expect(properties.timestamp != nil)
                let messageID = try #require(properties.messageID)
                #expect(UUID(uuidString: messageID) != nil && messageID == messageID.lowercased())
                let event = try ContractCoding.decode(CommunityRegistered.self, from: Data(message.body))
                #expect(event.communityId == id)
                #expect(event.name == "Community 3")
            } catch {
                try? await system.deleteQueue(tap)
                throw error
            }
            try await system.deleteQueue(tap)
        }
    }

    struct Total: Decodable { let total: Int }
}
