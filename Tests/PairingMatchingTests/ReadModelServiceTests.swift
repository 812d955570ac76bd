import Contracts
import Foundation
import ServiceTestSupport
import Testing

@testable import PairingMatching

/// The registry's events as the next matching run sees them.
@Suite("Matching read model", .serialized)
struct ReadModelServiceTests {
    @Test("community changes and partnership stays, joined and left, reach the next run's inputs; a late older change does not")
    func changesReachTheNextRun() async throws {
        try await InProcessService.run(PairingMatchingService.definition) { service, client in
            let matching = MatchingTestClient(service: service, client: client)
            let world = Communities2GetherSample()
            try await matching.publish(world)
            let partnership = world.chicagoWesternNegev
            let chicagoStay = try #require(partnership.members.first { $0.communityId == world.chicago.communityId })
            let events: [any IntegrationEvent] = [
                CommunityUpdated(
                    communityId: world.kfarAza.communityId, version: 3, changed: ["region", "languages"], region: "Western Negev",
                    languages: ["he", "en", "ru"], updatedAt: Date()),
                CommunityUpdated(
                    communityId: world.kfarAza.communityId, version: 2, changed: ["region"], region: "Gaza Envelope", updatedAt: Date()),
                PartnershipMemberLeft(
                    partnershipId: partnership.partnershipId, membershipId: chicagoStay.membershipId,
                    communityId: world.chicago.communityId,
                    side: .global, joinedOn: chicagoStay.joinedOn, leftOn: CalendarDate(year: 2020, month: 1, day: 1)!),
                PartnershipMemberJoined(
                    partnershipId: partnership.partnershipId, membershipId: UUID(), communityId: world.melbourne.communityId, side: .global,
                    joinedOn: CalendarDate(year: 2010, month: 3, day: 1)!),
            ]
            let handled = try await matching.inboxCount()
            for event in events { try await publish(event, on: service) }
            try await matching.waitForInbox(handled + events.count)

            let run = try await matching.optimalRun()
            let kfarAza = try #require(run.inputs.impacted.first { $0.communityId == world.kfarAza.communityId })
            #expect(kfarAza.region == "Western Negev")
            #expect(kfarAza.languages == ["he", "en", "ru"])
            #expect(run.inputs.supporting.first { $0.communityId == world.chicago.communityId }?.partnershipRegions == [])
            #expect(run.inputs.supporting.first { $0.communityId == world.melbourne.communityId }?.partnershipRegions == ["Western Negev"])
            #expect(try await service.takeParked().isEmpty)
        }
    }

    private func publish(_ event: any IntegrationEvent, on service: InProcessService) async throws {
        try await service.publish(event)
    }
}
