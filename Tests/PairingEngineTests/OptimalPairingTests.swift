import PairingEngine
import TestSupport
import Testing

@Suite("Optimal pairing")
struct OptimalPairingTests {
    @Test("matches exhaustive search on 300 random instances up to 8 by 8", arguments: 0..<6)
    func matchesExhaustiveSearch(batch: Int) throws {
        for offset in 0..<50 {
            let seed = UInt64(batch * 50 + offset)
            let request = RandomInstances.request(seed: seed)
            let result = try OptimalPairing.run(request)
            #expect(Checks.violations(of: result, for: request) == [], "seed \(seed)")
            let search = try ExhaustiveSearch(request)
            #expect(PairingObjective(result) == search.optimum(), "seed \(seed)")
        }
    }

    @Test("matches exhaustive search on 100 random 8 by 8 instances", arguments: 0..<4)
    func matchesExhaustiveSearchEightByEight(batch: Int) throws {
        for offset in 0..<25 {
            let seed = UInt64(10_000 + batch * 25 + offset)
            let request = RandomInstances.request(seed: seed, sides: 8...8)
            let result = try OptimalPairing.run(request)
            #expect(Checks.violations(of: result, for: request) == [], "seed \(seed)")
            let search = try ExhaustiveSearch(request)
            #expect(PairingObjective(result) == search.optimum(), "seed \(seed)")
        }
    }

    @Test("prefers covering every community over a higher total score")
    func coverageBeforeScore() throws {
        // A alone would score more with S1, but then B, which may only go to S1, is left out.
        let request = PairingRequest(
            impacted: [
                Fixtures.impacted("A", region: "Eshkol"),
                Fixtures.impacted("B", region: "Sderot"),
            ],
            supporting: [
                Fixtures.supporting("S1", regions: ["Eshkol"]),
                Fixtures.supporting("S2", languages: [.french], offset: Fixtures.losAngelesSummer),
            ],
            forbidden: [CommunityPair(impacted: "B", supporting: "S2")])
        let result = try OptimalPairing.run(request)
        #expect(
            result.pairs == [
                CommunityPair(impacted: "A", supporting: "S2"),
                CommunityPair(impacted: "B", supporting: "S1"),
            ])
        #expect(result.unpaired.filter { $0.side == .impacted }.isEmpty)
        // A and S1 would both rather be together: the trade-off is shown as a blocking pair.
        #expect(
            result.blockingPairs.map(\.pair) == [CommunityPair(impacted: "A", supporting: "S1")])
        #expect(result.blockingPairs.first?.impactedWouldDrop == "S2")
        #expect(result.blockingPairs.first?.supportingWouldDrop == "B")
    }

    @Test("prefers a supporting community already in partnership with the region")
    func existingPartnershipWins() throws {
        let request = PairingRequest(
            impacted: [Fixtures.impacted("kibbutz", region: "Sha'ar HaNegev")],
            supporting: [
                Fixtures.supporting("federation-a"),
                Fixtures.supporting("federation-b", regions: ["Sha'ar HaNegev"]),
            ])
        let result = try OptimalPairing.run(request)
        #expect(result.pairs == [CommunityPair(impacted: "kibbutz", supporting: "federation-b")])
        let partnership = result.pairings.first?.score[.existingPartnership]
        #expect(partnership?.fraction == 1)
        #expect(partnership?.points == ScorePoints(points: 4))
    }

    @Test("keeps locked pairs even when they score lower, and they use up capacity")
    func locksAreKept() throws {
        let request = PairingRequest(
            impacted: [
                Fixtures.impacted("A", region: "Eshkol"),
                Fixtures.impacted("B", region: "Eshkol"),
            ],
            supporting: [
                Fixtures.supporting("S-best", regions: ["Eshkol"]),
                Fixtures.supporting("S-plain"),
            ],
            locked: [CommunityPair(impacted: "A", supporting: "S-plain")])
        let result = try OptimalPairing.run(request)
        #expect(
            result.pairs == [
                CommunityPair(impacted: "A", supporting: "S-plain"),
                CommunityPair(impacted: "B", supporting: "S-best"),
            ])
        #expect(result.pairings.first?.origin == .locked)
        #expect(result.pairings.last?.origin == .new)
        // A would prefer S-best, but its only partner is locked: not a blocking pair.
        #expect(result.blockingPairs.isEmpty)
    }

    @Test("never forms a forbidden pair")
    func prohibitionsHold() throws {
        let request = PairingRequest(
            impacted: [Fixtures.impacted("A", region: "Eshkol")],
            supporting: [
                Fixtures.supporting("S1", regions: ["Eshkol"]), Fixtures.supporting("S2"),
            ],
            forbidden: [CommunityPair(impacted: "A", supporting: "S1")])
        let result = try OptimalPairing.run(request)
        #expect(result.pairs == [CommunityPair(impacted: "A", supporting: "S2")])
    }

    @Test("pairs a community needing two partners with two different supporters")
    func severalPartners() throws {
        let request = PairingRequest(
            impacted: [Fixtures.impacted("A", partnersNeeded: 2)],
            supporting: [
                Fixtures.supporting("S1", capacity: 2, budgetDollars: 500_000),
                Fixtures.supporting("S2", capacity: 1),
            ])
        let result = try OptimalPairing.run(request)
        #expect(result.pairs.map(\.supporting) == ["S1", "S2"])
        #expect(result.unpaired.isEmpty)
    }

    @Test("says budget exhausted when the only candidate's budget pays for one pairing")
    func budgetExhaustedReason() throws {
        let request = PairingRequest(
            impacted: [Fixtures.impacted("A"), Fixtures.impacted("B")],
            supporting: [Fixtures.supporting("S", capacity: 3, budgetDollars: 400_000)])
        let result = try OptimalPairing.run(request)
        #expect(result.pairings.count == 1)
        let unpaired = try #require(result.unpaired.first { $0.side == .impacted })
        #expect(unpaired.community == "B")
        #expect(unpaired.reason == .budgetExhausted)
        #expect(unpaired.partnersMissing == 1)
        #expect(unpaired.candidates == [CandidateStatus(candidate: "S", state: .budgetExhausted)])
        let use = try #require(result.capacityUse.first)
        #expect(use.limitedBy == .budget)
        #expect(use.budgetLeft == .dollars(150_000))
        #expect(use.pairingsLeft == 0)
    }

    @Test("says no capacity left when candidates took all the pairings they can")
    func noCapacityReason() throws {
        let request = PairingRequest(
            impacted: [Fixtures.impacted("A"), Fixtures.impacted("B")],
            supporting: [Fixtures.supporting("S", capacity: 1, budgetDollars: 1_000_000)])
        let result = try OptimalPairing.run(request)
        let unpaired = try #require(result.unpaired.first { $0.side == .impacted })
        #expect(unpaired.reason == .noCapacityLeft)
    }

    @Test("says every candidate is forbidden when that is so")
    func everyCandidateForbiddenReason() throws {
        let request = PairingRequest(
            impacted: [Fixtures.impacted("A")],
            supporting: [Fixtures.supporting("S1"), Fixtures.supporting("S2")],
            forbidden: [
                CommunityPair(impacted: "A", supporting: "S1"),
                CommunityPair(impacted: "A", supporting: "S2"),
            ])
        let result = try OptimalPairing.run(request)
        #expect(result.pairings.isEmpty)
        let reasons = result.unpaired.map { "\($0.community):\($0.reason.rawValue)" }
        #expect(
            reasons == [
                "A:everyCandidateForbidden", "S1:everyCandidateForbidden",
                "S2:everyCandidateForbidden",
            ])
    }

    @Test("explains unused supporting communities")
    func unusedSupportingReasons() throws {
        let request = PairingRequest(
            impacted: [Fixtures.impacted("A")],
            supporting: [
                Fixtures.supporting("S-best", regions: ["Eshkol"]),
                Fixtures.supporting("S-broke", budgetDollars: 100_000),
                Fixtures.supporting("S-busy", capacity: 0),
                Fixtures.supporting("S-spare"),
            ])
        let result = try OptimalPairing.run(request)
        let reasons = result.unpaired.map { "\($0.community):\($0.reason.rawValue)" }
        #expect(
            reasons == [
                "S-broke:budgetBelowCommitment", "S-busy:noPairingCapacity",
                "S-spare:impactedCommunitiesComplete",
            ])
    }

    @Test("says too few candidates when it needs more partners than it may have")
    func tooFewCandidates() throws {
        let request = PairingRequest(
            impacted: [Fixtures.impacted("A", partnersNeeded: 2)],
            supporting: [Fixtures.supporting("S1", capacity: 2, budgetDollars: 600_000)])
        let result = try OptimalPairing.run(request)
        #expect(result.unpaired.first?.reason == .tooFewAllowedCandidates)
        #expect(result.unpaired.first?.partnersMissing == 1)
    }

    @Test("gives the same result for the same input in any order")
    func deterministic() throws {
        let request = Fixtures.communities2Gether(supportingCount: 120, seed: 7)
        let first = try OptimalPairing.run(request)
        var generator = SplitMix64(seed: 99)
        for _ in 0..<3 {
            var shuffled = request
            shuffled.impacted.shuffle(using: &generator)
            shuffled.supporting.shuffle(using: &generator)
            shuffled.forbidden.shuffle(using: &generator)
            #expect(try OptimalPairing.run(shuffled) == first)
        }
        #expect(try OptimalPairing.run(request) == first)
    }

    @Test("breaks exact ties by id")
    func tiesByID() throws {
        let request = PairingRequest(
            impacted: [Fixtures.impacted("A")],
            supporting: [Fixtures.supporting("S2"), Fixtures.supporting("S1")])
        let result = try OptimalPairing.run(request)
        #expect(result.pairs == [CommunityPair(impacted: "A", supporting: "S1")])
    }

    @Test("a re-run keeps previous pairs when that costs no score")
    func rerunKeepsPreviousOnTies() throws {
        let request = PairingRequest(
            impacted: [Fixtures.impacted("A"), Fixtures.impacted("B")],
            supporting: [Fixtures.supporting("S1"), Fixtures.supporting("S2")],
            previous: [
                CommunityPair(impacted: "A", supporting: "S2"),
                CommunityPair(impacted: "B", supporting: "S1"),
            ])
        let result = try OptimalPairing.run(request)
        #expect(result.pairs == request.previous)
        #expect(result.pairings.allSatisfy { $0.origin == .kept })
        #expect(result.changes.added.isEmpty && result.changes.removed.isEmpty)
    }

    @Test("a re-run after a new community arrives moves only what the score requires")
    func rerunAfterChange() throws {
        var request = Fixtures.communities2Gether(supportingCount: 60, seed: 11)
        let arriving = request.impacted.removeLast().id
        request.forbidden.removeAll { $0.impacted == arriving }
        let before = try OptimalPairing.run(request)

        var after = Fixtures.communities2Gether(supportingCount: 60, seed: 11)
        after.previous = before.pairs
        let rerun = try OptimalPairing.run(after)
        #expect(PairingObjective(rerun) == (try ExpandedAssignment.optimum(after)))
        // Score comes first, so the new community may cause a chain of moves; but no
        // assignment with the same score keeps more (checked above), and forgetting the
        // previous run finds the same score with no more pairs kept.
        var forgetful = after
        forgetful.previous = []
        let fresh = try OptimalPairing.run(forgetful)
        #expect(fresh.totalScore == rerun.totalScore)
        #expect(Set(fresh.pairs).intersection(before.pairs).count <= rerun.changes.kept.count)
        #expect(rerun.changes.removed.count == before.pairs.count - rerun.changes.kept.count)
    }

    @Test("drops previous pairs whose community left and reports them as removed")
    func previousPairOutsideRequest() throws {
        let request = PairingRequest(
            impacted: [Fixtures.impacted("A")], supporting: [Fixtures.supporting("S1")],
            previous: [CommunityPair(impacted: "gone", supporting: "S1")])
        let result = try OptimalPairing.run(request)
        #expect(result.changes.removed == [CommunityPair(impacted: "gone", supporting: "S1")])
        #expect(result.changes.added == [CommunityPair(impacted: "A", supporting: "S1")])
    }

    @Test("states the commitment of each pairing over the program's years")
    func commitments() throws {
        let request = PairingRequest(
            impacted: [Fixtures.impacted("A")], supporting: [Fixtures.supporting("S1")])
        let pairing = try #require(try OptimalPairing.run(request).pairings.first)
        #expect(pairing.yearlyCommitment == .dollars(250_000))
        #expect(pairing.totalCommitment == .dollars(750_000))
    }
}
