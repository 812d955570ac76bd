import PairingEngine
import TestSupport

/// Builders for communities and requests used across the tests.
enum Fixtures {
    static let israelSummer = UTCOffset(minutes: 180)
    static let newYorkSummer = UTCOffset(minutes: -240)
    static let londonSummer = UTCOffset(minutes: 60)
    static let losAngelesSummer = UTCOffset(minutes: -420)
    static let melbourneWinter = UTCOffset(minutes: 600)

    static func impacted(
        _ id: CommunityID, region: IsraeliRegion = "Eshkol", needs: [NeedItem] = [],
        languages: Set<LanguageCode> = [.hebrew, .english], partnersNeeded: Int? = nil
    ) -> ImpactedCommunity {
        ImpactedCommunity(
            id: id, name: "Community \(id)", region: region, needs: needs, languages: languages,
            utcOffset: israelSummer, residents: 800, partnersNeeded: partnersNeeded)
    }

    static func supporting(
        _ id: CommunityID, capacity: Int = 1, budgetDollars: Int64 = 250_000,
        strengths: Set<NeedCategory> = [], focusAreas: Set<NeedCategory> = [],
        regions: Set<IsraeliRegion> = [], languages: Set<LanguageCode> = [.english],
        offset: UTCOffset = newYorkSummer
    ) -> SupportingCommunity {
        SupportingCommunity(
            id: id, name: "Community \(id)", yearlyBudget: .dollars(budgetDollars),
            pairingCapacity: capacity, focusAreas: focusAreas, strengths: strengths,
            partnershipRegions: regions, languages: languages, utcOffset: offset)
    }

    static func need(_ category: NeedCategory, dollars: Int64) -> NeedItem {
        NeedItem(category: category, estimatedCost: .dollars(dollars))
    }

    static let regions: [IsraeliRegion] = [
        "Eshkol", "Sha'ar HaNegev", "Sdot Negev", "Hof Ashkelon", "Sderot",
    ]
    static let otherRegions: [IsraeliRegion] = [
        "Western Galilee", "Upper Galilee", "Be'er Sheva", "Kiryat Shmona", "Arava",
    ]
    static let categories: [NeedCategory] = [
        .housing, .education, .mentalHealth, .welfare, .infrastructure, .agriculture,
        .emergencySupplies, .communityResilience, .economicDevelopment, .youth,
    ]
    static let abroadOffsets = [-420, -360, -300, -240, -180, 0, 60, 120, 180, 600]
    static let abroadLanguages: [LanguageCode] = [
        .english, .spanish, .french, .russian, "pt", "de", .ukrainian, .hebrew,
    ]

    static func randomSubset<T, G: RandomNumberGenerator>(
        of items: [T], probability: Double, using generator: inout G
    ) -> [T] {
        items.filter { _ in Double.random(in: 0..<1, using: &generator) < probability }
    }

    /// A random impacted community with random needs, languages and region.
    static func randomImpacted<G: RandomNumberGenerator>(
        _ id: CommunityID, using generator: inout G, partnersNeeded: Int? = nil
    ) -> ImpactedCommunity {
        let needs = (0..<Int.random(in: 1...4, using: &generator)).map { _ in
            need(
                categories.randomElement(using: &generator) ?? .housing,
                dollars: Int64.random(in: 20...400, using: &generator) * 1_000)
        }
        var languages: Set<LanguageCode> = [.hebrew]
        if Double.random(in: 0..<1, using: &generator) < 0.6 { languages.insert(.english) }
        if Double.random(in: 0..<1, using: &generator) < 0.2 { languages.insert(.russian) }
        return ImpactedCommunity(
            id: id, name: "Impacted \(id)",
            region: regions.randomElement(using: &generator)
                ?? "Eshkol",
            needs: needs, languages: languages,
            utcOffset: israelSummer, residents: Int.random(in: 200...30_000, using: &generator),
            partnersNeeded: partnersNeeded)
    }

    /// A random supporting community; capacity and budget ranges as given.
    static func randomSupporting<G: RandomNumberGenerator>(
        _ id: CommunityID, capacity: ClosedRange<Int>, budgetPairings: ClosedRange<Int>,
        using generator: inout G
    ) -> SupportingCommunity {
        var languages = Set(randomSubset(of: abroadLanguages, probability: 0.15, using: &generator))
        if Double.random(in: 0..<1, using: &generator) < 0.85 { languages.insert(.english) }
        // Budgets somewhere between whole commitments, so that division is exercised.
        let budget =
            Int64.random(
                in: Int64(budgetPairings.lowerBound)...Int64(budgetPairings.upperBound),
                using: &generator) * 250_000
            + Int64.random(in: 0..<250_000, using: &generator)
        return SupportingCommunity(
            id: id, name: "Supporting \(id)", yearlyBudget: .dollars(budget),
            pairingCapacity: Int.random(in: capacity, using: &generator),
            focusAreas: Set(randomSubset(of: categories, probability: 0.25, using: &generator)),
            strengths: Set(randomSubset(of: categories, probability: 0.15, using: &generator)),
            partnershipRegions: Set(
                randomSubset(of: regions + otherRegions, probability: 0.12, using: &generator)),
            languages: languages,
            utcOffset: UTCOffset(minutes: abroadOffsets.randomElement(using: &generator) ?? 0))
    }

    /// The Communities2Gether case: 25 impacted communities and `supportingCount` candidate
    /// supporting communities, some forbidden pairs and a few confirmed ones.
    static func communities2Gether(supportingCount: Int = 300, seed: UInt64 = 2024)
        -> PairingRequest
    {
        var generator = SplitMix64(seed: seed)
        let impacted = (1...25).map {
            randomImpacted(CommunityID("negev-\($0 < 10 ? "0" : "")\($0)"), using: &generator)
        }
        let supporting = (1...supportingCount).map {
            randomSupporting(
                CommunityID("global-\(String(repeating: "0", count: 3 - String($0).count))\($0)"),
                capacity: 0...2, budgetPairings: 0...2, using: &generator)
        }
        var forbidden: [CommunityPair] = []
        for community in impacted {
            for candidate in supporting
            where Double.random(in: 0..<1, using: &generator) < 0.05 {
                forbidden.append(CommunityPair(impacted: community.id, supporting: candidate.id))
            }
        }
        return PairingRequest(impacted: impacted, supporting: supporting, forbidden: forbidden)
    }
}
