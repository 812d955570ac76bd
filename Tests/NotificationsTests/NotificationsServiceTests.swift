import Contracts
import Foundation
import HummingbirdTesting
import Notifications
import ServiceKit
import ServiceTestSupport
import Testing

/// The notifications service in-process against the real PostgreSQL and RabbitMQ.
@Suite("The notifications service", .serialized)
struct NotificationsServiceTests {
    @Test("a registered community is owed one welcome, in the first of its languages that notifications are written in")
    func welcomeOwedOnce() async throws {
        try await InProcessService.run(NotificationsService.definition) { service, client in
            let messageID = UUID()
            try await service.publish(SampleCommunities.desMoines(), messageID: messageID)
            try await service.publish(SampleCommunities.desMoines(), messageID: messageID)
            try await service.publish(SampleCommunities.sderot())
            try await service.waitUntil("both are recipients") { try await service.count("SELECT count(*) FROM inbox") == 2 }
            try await service.waitUntil("the queue is drained") {
                try await service.amqp.queueStatus("notifications.events").messageCount == 0
            }
            try await client.execute(uri: "/communities", method: .get) { response in
                let page = try JSONDecoder().decode(Page.self, from: Data(buffer: response.body))
                #expect(page.total == 2)
                #expect(page.items.first { $0.name == "Des Moines" }.map { ($0.language, $0.notifications) } ?? ("", 0) == ("ru", 1))
                #expect(page.items.first { $0.name == "Sderot" }?.language == "he")
                // No addresses: they are personal data.
                #expect(!String(buffer: response.body).contains("@"))
            }
            #expect(try await service.count("SELECT count(*) FROM notifications WHERE cause_message_id = \(messageID)") == 1)
        }
    }

    struct Page: Decodable {
        struct Item: Decodable {
            var name: String
            var language: String
            var notifications: Int
        }
        var total: Int
        var items: [Item]
    }

    @Test("every route is in the OpenAPI document, and every operation of the document is a route")
    func documentedRoutes() async throws {
        try await InProcessService.run(NotificationsService.definition) { service, client in
            try await service.expectRoutesMatchTheDocument(client)
        }
    }

    @Test("its read model is the Agency's alone: 401 without a token, 403 for every other role")
    func readModelAccess() async throws {
        try await InProcessService.run(NotificationsService.definition) { service, client in
            try await service.expectReadModelForTheAgencyOnly(client)
        }
    }
}
