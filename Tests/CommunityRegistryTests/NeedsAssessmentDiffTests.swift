import Contracts
import Foundation
import Testing

@testable import CommunityRegistry

/// The difference between versions of an assessment, and the rule that keeps an item's
/// commitments within its cost, as pure functions.
@Suite("Needs assessment differences and funding rules")
struct NeedsAssessmentDiffTests {
    static func item(_ id: UUID, carries: UUID? = nil, _ description: String, cost: Int, currency: String = "ILS") -> NeedItem {
        NeedItem(
            id: id, carriesOver: carries?.uuidString.lowercased(), horizon: .immediate, sector: "housing", description: description,
            language: nil, quantity: 1, unit: "unit", estimatedCost: Money(amount: cost, currency: currency))
    }

    static func assessment(_ version: Int, _ items: [NeedItem]) -> NeedsAssessment {
        NeedsAssessment(
            id: UUID(), communityId: UUID(), version: version, previousAssessmentId: nil, status: .submitted,
            assessedOn: CalendarDate(year: 2024, month: 1, day: 1)!, createdAt: Date(), submittedAt: Date(), acceptedAt: nil,
            items: items)
    }

    @Test("an item carried over through a middle version is the same need when the first and third versions are compared")
    func diffAcrossVersions() {
        let (a1, a2, a3) = (UUID(), UUID(), UUID())
        let first = Self.assessment(1, [Self.item(a1, "Mattresses", cost: 100)])
        let third = Self.assessment(3, [Self.item(a3, carries: a2, "Mattresses", cost: 150, currency: "ILS")])
        let diff = NeedsAssessmentDiff(from: first, to: third, lineage: [a3: a2, a2: a1])
        #expect(diff.added.isEmpty && diff.removed.isEmpty)
        #expect(diff.changed.map(\.fields) == [["estimatedCost"]])
        #expect(diff.costMoved == [.init(currency: "ILS", before: 100, after: 150, change: 50)])
    }

    @Test("costs in two currencies move separately, never added together")
    func costPerCurrency() {
        let old = Self.assessment(1, [Self.item(UUID(), "Beds", cost: 100), Self.item(UUID(), "Clinic", cost: 70, currency: "USD")])
        let new = Self.assessment(2, [Self.item(UUID(), "School", cost: 40, currency: "USD")])
        let diff = NeedsAssessmentDiff(from: old, to: new)
        #expect(diff.added.count == 1 && diff.removed.count == 2)
        #expect(
            diff.costMoved == [
                .init(currency: "ILS", before: 100, after: 0, change: -100), .init(currency: "USD", before: 70, after: 40, change: -30),
            ])
    }

    @Test("a commitment up to the cost passes; one past it is refused naming what is committed and by whom")
    func commitmentRule() throws {
        let item = UUID()
        let committed = [FundingRules.Commitment(flowId: UUID(), funderName: "Tekuma Authority", funderKind: "governmentBody", amount: 60)]
        #expect(
            FundingRules.commit(40, toItem: item, description: "Beds", cost: Money(amount: 100, currency: "ILS"), committed: committed)
                == nil)
        let refusal = try #require(
            FundingRules.commit(41, toItem: item, description: "Beds", cost: Money(amount: 100, currency: "ILS"), committed: committed))
        #expect(refusal.alreadyCommitted == 60)
        #expect(refusal.explanation.contains("60 by Tekuma Authority (governmentBody"))
        #expect(refusal.explanation.contains("at most 40 more can be committed"))
    }
}
