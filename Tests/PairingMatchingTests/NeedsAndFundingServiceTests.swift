import Contracts
import Foundation
import ServiceTestSupport
import Testing

@testable import PairingMatching

/// The registry's needs assessments and committed funding as the next matching run sees them.
@Suite("Matching read model: needs and funding", .serialized)
struct NeedsAndFundingServiceTests {
    typealias Sample = Communities2GetherSample

    static var today: CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    static func flow(
        by funder: CommunityRegistered?, to community: CommunityRegistered, amount: Int, on day: CalendarDate, pairing: UUID? = nil,
        year: Int? = nil
    ) -> FundingCommitted {
        FundingCommitted(
            flowId: UUID(), communityId: community.communityId, funderKind: funder == nil ? "federation" : "globalCommunity",
            funderName: funder?.name ?? "A federation", funderCommunityId: funder?.communityId.uuidString.lowercased(),
            pairingId: pairing?.uuidString.lowercased(), pairingYear: year, committed: Money(amount: amount, currency: "USD"),
            committedOn: day)
    }

    static func assessment(_ community: CommunityRegistered, version: Int, items: Int) -> NeedsAssessmentSubmitted {
        NeedsAssessmentSubmitted(
            assessmentId: UUID(), communityId: community.communityId, version: version, previousAssessmentId: nil, immediateItems: items,
            longTermItems: 2, estimatedCost: [Money(amount: 120_000_00, currency: "ILS")], submittedAt: Date())
    }

    @Test("submitted needs are recorded in the run's inputs, the latest version of each community's")
    func needsInTheInputs() async throws {
        try await InProcessService.run(PairingMatchingService.definition) { service, client in
            let matching = MatchingTestClient(service: service, client: client)
            let world = Sample()
            try await matching.publish(world)
            let handled = try await matching.inboxCount()
            let events = [
                Self.assessment(world.sderot, version: 1, items: 3), Self.assessment(world.sderot, version: 2, items: 5),
                Self.assessment(world.nirOz, version: 1, items: 4),
            ]
            for event in events { try await service.publish(event) }
            // A first version delivered late changes nothing.
            try await service.publish(Self.assessment(world.sderot, version: 1, items: 9))
            try await matching.waitForInbox(handled + 4)

            let run = try await matching.optimalRun()
            #expect(
                Set(run.inputs.needsSubmitted ?? []) == Set([world.sderot, world.nirOz].map { $0.communityId.uuidString.lowercased() }))
            let sderot = try #require(run.inputs.impacted.first { $0.communityId == world.sderot.communityId })
            #expect(sderot.needsAssessment?.version == 2)
            #expect(sderot.needsAssessment?.immediateItems == 5)
            #expect(sderot.needsAssessment?.estimatedCost == [Money(amount: 120_000_00, currency: "ILS")])
            #expect(run.inputs.impacted.first { $0.communityId == world.kfarAza.communityId }?.needsAssessment == nil)
            // And the stored run says the same.
            #expect(try await matching.run(run.id)?.inputs.needsSubmitted?.count == 2)
            #expect(try await service.takeParked().isEmpty)
        }
    }

    @Test("a supporter whose committed funding already uses its capacity is proposed for nothing new, and the run says why")
    func committedFundingBindsCapacity() async throws {
        try await InProcessService.run(PairingMatchingService.definition) { service, client in
            let matching = MatchingTestClient(service: service, client: client)
            let world = Sample()
            try await matching.publish(world)
            let today = Self.today
            let twoYearsAgo = CalendarDate(year: today.year - 2, month: today.month, day: min(today.day, 28))!
            let otherPairing = UUID()
            let flows = [
                // Chicago funds Kfar Aza's mattresses this year: $250,000.
                Self.flow(by: world.chicago, to: world.kfarAza, amount: 25_000_000, on: today),
                // Des Moines is in the third year of a pairing made elsewhere.
                Self.flow(by: world.desMoines, to: world.nirOz, amount: 25_000_000, on: twoYearsAgo, pairing: otherPairing, year: 1),
                Self.flow(by: world.desMoines, to: world.nirOz, amount: 25_000_000, on: twoYearsAgo, pairing: otherPairing, year: 2),
                Self.flow(by: world.desMoines, to: world.nirOz, amount: 25_000_000, on: twoYearsAgo, pairing: otherPairing, year: 3),
                // Melbourne's gift of two years ago has run its year; a federation's ties up no community's.
                Self.flow(by: world.melbourne, to: world.sderot, amount: 25_000_000, on: twoYearsAgo),
                Self.flow(by: nil, to: world.sderot, amount: 90_000_000, on: today),
            ]
            let handled = try await matching.inboxCount()
            for flow in flows { try await service.publish(flow) }
            try await matching.waitForInbox(handled + flows.count)

            let run = try await matching.optimalRun()
            let tiedUp = [world.chicago.communityId, world.desMoines.communityId]
            #expect(run.result.pairings.allSatisfy { !tiedUp.contains($0.supportingCommunityId) }, "no proposal beyond their capacity")
            #expect(run.result.pairings.count == 2, "Melbourne and Paris take one each")
            for community in [world.chicago, world.desMoines] {
                let input = try #require(run.inputs.supporting.first { $0.communityId == community.communityId })
                #expect(input.committedFunding == Money(amount: 25_000_000, currency: "USD"), "\(community.name)")
                #expect(input.yearlyBudget == Money(amount: 0, currency: "USD"), "\(community.name)")
                let unpaired = try #require(run.result.unpaired.first { $0.communityId == community.communityId }, "\(community.name)")
                #expect(unpaired.reason == "budgetBelowCommitment")
                #expect(
                    unpaired.explanation
                        == "the funding it has already committed (250,000.00 USD a year) leaves 0.00 USD a year, "
                        + "less than the 250,000.00 USD a year a pairing commits")
            }
            #expect(run.inputs.supporting.first { $0.communityId == world.melbourne.communityId }?.committedFunding == nil)
            let left = try #require(run.result.unpaired.first { $0.side == "impacted" })
            #expect(
                left.candidates.filter { $0.state == "budgetExhausted" }.map(\.communityId).sorted { $0.uuidString < $1.uuidString }
                    == tiedUp.sorted { $0.uuidString < $1.uuidString })
            #expect(left.explanation == "2 of its candidates have already committed the funding a new pairing would need")

            // A confirmed pairing's own flows, which the registry records on confirmation, are not
            // counted twice: the next run keeps it and proposes nothing more for its supporter.
            let kept = try #require(run.result.pairings.first { $0.supportingCommunityId == world.paris.communityId })
            let (status, _) = try await matching.decide(kept.pairingId, "confirmation")
            #expect(status == .ok)
            let impacted = try #require(world.impacted.first { $0.communityId == kept.impactedCommunityId })
            try await matching.publishAndWait(
                (1...3).map { year in
                    Self.flow(by: world.paris, to: impacted, amount: 25_000_000, on: today, pairing: kept.pairingId, year: year)
                })
            let next = try await matching.optimalRun()
            #expect(next.result.pairings.contains { $0.pairingId == kept.pairingId && $0.origin == "confirmed" })
            #expect(next.inputs.supporting.first { $0.communityId == world.paris.communityId }?.committedFunding == nil)
            #expect(try await service.takeParked().isEmpty)
        }
    }
}
