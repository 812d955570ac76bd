import PairingEngine
import Testing

@Suite("Explanations")
struct ExplanationTests {
    @Test("blocking pairs of an optimal result match an independent check under rankings")
    func blockingPairsOfOptimalResults() throws {
        var reported = 0
        for seed in UInt64(0)..<150 {
            var request = RandomInstances.request(seed: seed)
            let rankings = RandomInstances.rankings(for: request, seed: seed + 9_000)
            request.rankings = CommunityRankings(rankings)
            let result = try OptimalPairing.run(request)
            let expected = Checks.blockingPairs(of: result, for: request, rankings: rankings)
            #expect(result.blockingPairs.map(\.pair) == expected, "seed \(seed)")
            reported += expected.count
        }
        // The optimum ignores rankings, so it is rarely stable under them.
        #expect(reported > 50)
    }

    @Test("every unpaired impacted community's reason agrees with its candidates")
    func reasonsAgreeWithCandidates() throws {
        for seed in UInt64(0)..<200 {
            let request = RandomInstances.request(seed: seed)
            let result = try OptimalPairing.run(request)
            for unpaired in result.unpaired where unpaired.side == .impacted {
                let states = Set(unpaired.candidates.map(\.state))
                // In an optimal result no candidate with room is left unused.
                #expect(!states.contains(.open), "seed \(seed)")
                switch unpaired.reason {
                case .everyCandidateForbidden: #expect(states == [.forbidden])
                case .noCapacityLeft: #expect(states.contains(.noCapacityLeft))
                case .budgetExhausted: #expect(states.contains(.budgetExhausted))
                case .noCapacityOrBudgetLeft:
                    #expect(states.isSuperset(of: [.noCapacityLeft, .budgetExhausted]))
                case .tooFewAllowedCandidates:
                    #expect(states.isSubset(of: [.forbidden, .alreadyPartner]))
                case .noCandidates: #expect(unpaired.candidates.isEmpty)
                default: Issue.record("unexpected \(unpaired.reason), seed \(seed)")
                }
            }
        }
    }

    @Test("candidate scores show every pair, chosen or not, with the same totals as pairings")
    func candidateScores() throws {
        let request = Fixtures.communities2Gether(supportingCount: 40, seed: 3)
        let scores = try CandidateScores(request)
        let result = try OptimalPairing.run(request)
        #expect(scores.impacted.count == 25 && scores.supporting.count == 40)
        #expect(scores.impacted == scores.impacted.sorted())
        for pairing in result.pairings {
            #expect(scores.total(of: pairing.pair) == pairing.score.total)
            #expect(scores.score(of: pairing.pair) == pairing.score)
        }
        let notChosen = CommunityPair(impacted: "negev-01", supporting: "global-040")
        #expect(scores.score(of: notChosen)?.contributions.count == 5)
        #expect(scores.total(of: CommunityPair(impacted: "nowhere", supporting: "global-001")) == nil)
    }

    @Test("capacity use reports what is left of each supporting community's room and budget")
    func capacityUse() throws {
        let request = PairingRequest(
            impacted: [Fixtures.impacted("A"), Fixtures.impacted("B")],
            supporting: [Fixtures.supporting("S", capacity: 3, budgetDollars: 900_000)])
        let result = try OptimalPairing.run(request)
        let use = try #require(result.capacityUse.first)
        #expect(use.pairings == 2)
        #expect(use.pairingsLeft == 1)
        #expect(use.budgetLeft == .dollars(400_000))
        #expect(use.limitedBy == .pairingCapacity)
    }
}
