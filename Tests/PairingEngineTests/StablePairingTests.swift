import PairingEngine
import TestSupport
import Testing

@Suite("Stable pairing")
struct StablePairingTests {
    @Test(
        "leaves no blocking pair under explicit rankings, either side proposing",
        arguments: [CommunitySide.impacted, .supporting])
    func noBlockingPair(side: CommunitySide) throws {
        for seed in UInt64(0)..<150 {
            var request = RandomInstances.request(seed: seed)
            let rankings = RandomInstances.rankings(for: request, seed: seed + 1_000)
            request.rankings = CommunityRankings(rankings)
            let result = try StablePairing.run(request, proposing: side)
            #expect(Checks.violations(of: result, for: request) == [], "seed \(seed)")
            #expect(
                Checks.blockingPairs(of: result, for: request, rankings: rankings) == [],
                "seed \(seed)")
            #expect(result.blockingPairs.isEmpty, "seed \(seed)")
        }
    }

    @Test("leaves no blocking pair when communities rank by score")
    func noBlockingPairByScore() throws {
        for seed in UInt64(0)..<100 {
            let request = RandomInstances.request(seed: seed)
            for side in [CommunitySide.impacted, .supporting] {
                let result = try StablePairing.run(request, proposing: side)
                #expect(result.blockingPairs.isEmpty, "seed \(seed)")
            }
        }
    }

    @Test("gives the proposing side its best stable partners, and the same communities unpaired")
    func proposerOptimalAndRuralHospitals() throws {
        for seed in UInt64(0)..<150 {
            var request = RandomInstances.request(seed: seed)
            request.locked = []
            for index in request.impacted.indices { request.impacted[index].partnersNeeded = 1 }
            let rankings = RandomInstances.rankings(for: request, seed: seed + 5_000)
            request.rankings = CommunityRankings(rankings)
            let impactedProposing = try StablePairing.run(request, proposing: .impacted)
            let supportingProposing = try StablePairing.run(request, proposing: .supporting)

            func partner(_ result: PairingResult, _ id: CommunityID) -> CommunityID? {
                result.pairs.first { $0.impacted == id }?.supporting
            }
            for community in request.impacted {
                let ranking = rankings[community.id] ?? []
                let best = partner(impactedProposing, community.id)
                let worst = partner(supportingProposing, community.id)
                // Rural hospitals: the same communities are paired in every stable matching.
                #expect((best == nil) == (worst == nil), "seed \(seed)")
                if let best, let worst {
                    #expect(
                        (ranking.firstIndex(of: best) ?? .max)
                            <= (ranking.firstIndex(of: worst) ?? .max),
                        "seed \(seed)")
                }
            }
            let countsA = Dictionary(grouping: impactedProposing.pairs, by: \.supporting)
                .mapValues(\.count)
            let countsB = Dictionary(grouping: supportingProposing.pairs, by: \.supporting)
                .mapValues(\.count)
            #expect(countsA == countsB, "seed \(seed)")
        }
    }

    @Test("gives the same result for the same input in any order")
    func deterministic() throws {
        var request = Fixtures.communities2Gether(supportingCount: 100, seed: 5)
        request.rankings = CommunityRankings(RandomInstances.rankings(for: request, seed: 8))
        var generator = SplitMix64(seed: 17)
        for side in [CommunitySide.impacted, .supporting] {
            let first = try StablePairing.run(request, proposing: side)
            for _ in 0..<3 {
                var shuffled = request
                shuffled.impacted.shuffle(using: &generator)
                shuffled.supporting.shuffle(using: &generator)
                shuffled.forbidden.shuffle(using: &generator)
                #expect(try StablePairing.run(shuffled, proposing: side) == first)
            }
        }
    }

    @Test("hospitals/residents textbook case")
    func textbook() throws {
        // Two supporters with one place each; both impacted prefer S1, S1 prefers B.
        var request = PairingRequest(
            impacted: [Fixtures.impacted("A"), Fixtures.impacted("B")],
            supporting: [Fixtures.supporting("S1"), Fixtures.supporting("S2")])
        request.rankings = CommunityRankings([
            "A": ["S1", "S2"], "B": ["S1", "S2"], "S1": ["B", "A"], "S2": ["A", "B"],
        ])
        for side in [CommunitySide.impacted, .supporting] {
            let result = try StablePairing.run(request, proposing: side)
            #expect(
                result.pairs == [
                    CommunityPair(impacted: "A", supporting: "S2"),
                    CommunityPair(impacted: "B", supporting: "S1"),
                ])
            #expect(result.mode == .stable(proposing: side))
        }
    }

    @Test("explains a community nobody with room accepts")
    func unacceptable() throws {
        var request = PairingRequest(
            impacted: [Fixtures.impacted("A"), Fixtures.impacted("B")],
            supporting: [Fixtures.supporting("S1"), Fixtures.supporting("S2")])
        request.rankings = CommunityRankings(["S2": ["A"], "S1": ["A"]])
        let result = try StablePairing.run(request, proposing: .impacted)
        let b = try #require(result.unpaired.first { $0.community == "B" })
        #expect(b.reason == .noAcceptableCandidateWithRoom)
        #expect(result.blockingPairs.isEmpty)
    }

    @Test("keeps locked pairs and never proposes forbidden ones")
    func locksAndProhibitions() throws {
        var request = PairingRequest(
            impacted: [Fixtures.impacted("A"), Fixtures.impacted("B")],
            supporting: [Fixtures.supporting("S1"), Fixtures.supporting("S2")],
            locked: [CommunityPair(impacted: "A", supporting: "S2")],
            forbidden: [CommunityPair(impacted: "B", supporting: "S2")])
        request.rankings = CommunityRankings(["A": ["S1", "S2"], "S1": ["A", "B"]])
        let result = try StablePairing.run(request, proposing: .impacted)
        #expect(
            result.pairs == [
                CommunityPair(impacted: "A", supporting: "S2"),
                CommunityPair(impacted: "B", supporting: "S1"),
            ])
    }
}
