import PairingEngine
import TestSupport

/// Generated community cases with a fixed seed.
enum CommunityCases {
    static let regions: [IsraeliRegion] = [
        "Eshkol", "Sha'ar HaNegev", "Sdot Negev", "Hof Ashkelon", "Sderot", "Western Galilee",
        "Upper Galilee", "Be'er Sheva", "Kiryat Shmona", "Arava", "Jerusalem", "Afula-Gilboa",
    ]
    static let categories: [NeedCategory] = [
        .housing, .education, .mentalHealth, .welfare, .infrastructure, .agriculture,
        .emergencySupplies, .communityResilience, .economicDevelopment, .youth,
    ]
    static let abroadOffsets = [-420, -360, -300, -240, -180, 0, 60, 120, 180, 600]
    static let abroadLanguages: [LanguageCode] = [
        .spanish, .french, .russian, "pt", "de", .ukrainian, .hebrew,
    ]

    /// `impactedCount` Israeli communities (in the first `impactedRegions` regions) and
    /// `supportingCount` global communities with capacities and budgets in the given ranges
    /// (budgets in whole commitments plus a remainder).
    static func make(
        impactedCount: Int, impactedRegions: Int, supportingCount: Int,
        capacity: ClosedRange<Int>, budgetPairings: ClosedRange<Int>, partnersNeeded: Int,
        forbiddenShare: Double, seed: UInt64
    ) -> PairingRequest {
        var generator = SplitMix64(seed: seed)
        func chance(_ probability: Double) -> Bool { generator.unitInterval() < probability }
        func pick<T>(_ items: [T]) -> T { items[Int(generator.next() % UInt64(items.count))] }
        func number(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(generator.next() % UInt64(range.count))
        }

        let impacted = (0..<impactedCount).map { index -> ImpactedCommunity in
            var languages: Set<LanguageCode> = [.hebrew]
            if chance(0.6) { languages.insert(.english) }
            if chance(0.2) { languages.insert(.russian) }
            let needs = (0..<number(1...4)).map { _ in
                NeedItem(category: pick(categories), estimatedCost: .dollars(Int64(number(20...400)) * 1_000))
            }
            return ImpactedCommunity(
                id: CommunityID("impacted-\(1000 + index)"), name: "Impacted \(index)",
                region: regions[number(0...(impactedRegions - 1))], needs: needs,
                languages: languages, utcOffset: UTCOffset(minutes: 180),
                residents: number(200...30_000), partnersNeeded: partnersNeeded)
        }
        let supporting = (0..<supportingCount).map { index -> SupportingCommunity in
            var languages = Set(abroadLanguages.filter { _ in chance(0.12) })
            if chance(0.85) { languages.insert(.english) }
            let budget = Int64(number(budgetPairings)) * 250_000 + Int64(number(0...249_999))
            return SupportingCommunity(
                id: CommunityID("global-\(1000 + index)"), name: "Global \(index)",
                yearlyBudget: .dollars(budget), pairingCapacity: number(capacity),
                focusAreas: Set(categories.filter { _ in chance(0.25) }),
                strengths: Set(categories.filter { _ in chance(0.15) }),
                partnershipRegions: Set(regions.filter { _ in chance(0.1) }),
                languages: languages, utcOffset: UTCOffset(minutes: pick(abroadOffsets)))
        }
        var forbidden: [CommunityPair] = []
        for community in impacted {
            for candidate in supporting where chance(forbiddenShare) {
                forbidden.append(CommunityPair(impacted: community.id, supporting: candidate.id))
            }
        }
        return PairingRequest(impacted: impacted, supporting: supporting, forbidden: forbidden)
    }

    /// Communities2Gether: 25 war-impacted communities of the Western Negev, 300 candidates.
    static let communities2Gether = make(
        impactedCount: 25, impactedRegions: 5, supportingCount: 300, capacity: 0...2,
        budgetPairings: 0...2, partnersNeeded: 1, forbiddenShare: 0.05, seed: 2024)

    /// The whole network: 550 communities, 150 Israeli and 400 global ones that can take one
    /// to three pairings within their budgets.
    static func network(partnersNeeded: Int) -> PairingRequest {
        make(
            impactedCount: 150, impactedRegions: regions.count, supportingCount: 400,
            capacity: 1...3, budgetPairings: 0...3, partnersNeeded: partnersNeeded,
            forbiddenShare: 0.02, seed: 550)
    }
}
