import Contracts
import Foundation
import HummingbirdTesting
import ProgramScheduling
import ServiceKit
import ServiceTestSupport
import Testing

/// The scheduling service in-process against the real PostgreSQL and RabbitMQ.
@Suite("The scheduling service", .serialized)
struct SchedulingServiceTests {
    @Test("a registered community is recorded once with its calendar rules: Israel's festivals, 18 minutes before sunset")
    func locationsFromTheRegistry() async throws {
        try await InProcessService.run(ProgramSchedulingService.definition) { service, client in
            let messageID = UUID()
            try await service.publish(SampleCommunities.sderot(), messageID: messageID)
            try await service.publish(SampleCommunities.sderot(), messageID: messageID)
            try await service.publish(SampleCommunities.desMoines())
            try await service.waitUntil("both communities are recorded") { try await service.count("SELECT count(*) FROM inbox") == 2 }
            try await client.execute(uri: "/communities", method: .get) { response in
                let page = try JSONDecoder().decode(Page.self, from: Data(buffer: response.body))
                #expect(page.total == 2)
                let sderot = try #require(page.items.first { $0.name == "Sderot" })
                #expect(sderot.holidaySchedule == "israel" && sderot.candleLightingMinutes == 18)
                #expect(page.items.first { $0.name == "Des Moines" }?.holidaySchedule == "diaspora")
            }
        }
    }

    struct Page: Decodable {
        struct Item: Decodable {
            var name: String
            var holidaySchedule: String
            var candleLightingMinutes: Int
        }
        var total: Int
        var items: [Item]
    }

    @Test("a community whose time zone the calendar does not know is parked at once with the reason")
    func unusableLocationIsParked() async throws {
        try await InProcessService.run(ProgramSchedulingService.definition) { service, _ in
            var lost = SampleCommunities.sderot()
            lost.timeZone = "Mars/Olympus_Mons"
            try await service.publish(lost)
            var parked: [(type: String?, reason: String)] = []
            try await service.waitUntil("the event is parked") {
                parked += try await service.takeParked()
                return !parked.isEmpty
            }
            #expect(parked.count == 1)
            #expect(parked.first?.reason.contains("has no usable location") == true)
            #expect(try await service.count("SELECT count(*) FROM community_locations") == 0)
        }
    }

    @Test("every route is in the OpenAPI document, and every operation of the document is a route")
    func documentedRoutes() async throws {
        try await InProcessService.run(ProgramSchedulingService.definition) { service, client in
            try await service.expectRoutesMatchTheDocument(client)
        }
    }

    @Test("its read model is the Agency's alone: 401 without a token, 403 for every other role")
    func readModelAccess() async throws {
        try await InProcessService.run(ProgramSchedulingService.definition) { service, client in
            try await service.expectReadModelForTheAgencyOnly(client)
        }
    }
}
