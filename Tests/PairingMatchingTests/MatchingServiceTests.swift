import Contracts
import Foundation
import HummingbirdTesting
import PairingMatching
import ServiceKit
import ServiceTestSupport
import Testing

/// The matching service in-process against the real PostgreSQL and RabbitMQ.
@Suite("The matching service", .serialized)
struct MatchingServiceTests {
    @Test("a registered community becomes a candidate once, however often its event is delivered")
    func candidatesFromTheRegistry() async throws {
        try await InProcessService.run(PairingMatchingService.definition) { service, client in
            #expect(service.application.consumedQueues == ["matching.events", "matching.commands"])
            let messageID = UUID()
            let sderot = SampleCommunities.sderot()
            try await service.publish(sderot, messageID: messageID)
            try await service.publish(sderot, messageID: messageID)
            try await service.publish(SampleCommunities.desMoines())
            try await service.waitUntil("both communities are candidates") {
                try await service.count("SELECT count(*) FROM inbox") == 2
            }
            try await service.waitUntil("the queue is drained") { try await service.amqp.queueStatus("matching.events").messageCount == 0 }
            try await client.execute(uri: "/communities?limit=10", method: .get) { response in
                #expect(response.status == .ok)
                let page = try JSONDecoder().decode(Page.self, from: Data(buffer: response.body))
                #expect(page.total == 2)
                #expect(page.items.map(\.name) == ["Sderot", "Des Moines"])
                #expect(page.items.first?.languages == ["he", "en"])
            }
            #expect(try await service.takeParked().isEmpty)
        }
    }

    struct Page: Decodable {
        struct Item: Decodable {
            var name: String
            var languages: [String]
        }
        var total: Int
        var items: [Item]
    }

    @Test("a limit out of range is a problem, not a page")
    func badLimit() async throws {
        try await InProcessService.run(PairingMatchingService.definition) { _, client in
            try await client.execute(uri: "/communities?limit=0", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }

    @Test("every route is in the OpenAPI document, and every operation of the document is a route")
    func documentedRoutes() async throws {
        try await InProcessService.run(PairingMatchingService.definition) { service, client in
            try await service.expectRoutesMatchTheDocument(client)
        }
    }

    @Test("its read model is the Agency's alone: 401 without a token, 403 for every other role")
    func readModelAccess() async throws {
        try await InProcessService.run(PairingMatchingService.definition) { service, client in
            try await service.expectReadModelForTheAgencyOnly(client)
        }
    }
}
