import PairingEngine
import Testing

@Suite("Communities2Gether: 25 impacted communities, 300 candidates")
struct Communities2GetherTests {
    static let request: PairingRequest = {
        var request = Fixtures.communities2Gether()
        // Two pairings confirmed before the run.
        request.locked = [
            CommunityPair(impacted: "negev-03", supporting: roomy(request, skipping: 0)),
            CommunityPair(impacted: "negev-17", supporting: roomy(request, skipping: 1)),
        ]
        return request
    }()

    /// A supporting community that can take at least one pairing and is not forbidden with
    /// the communities locked above.
    static func roomy(_ request: PairingRequest, skipping: Int) -> CommunityID {
        let commitment = request.parameters.yearlyCommitment.minorUnits
        let forbidden = Set(request.forbidden.map(\.supporting))
        return request.supporting.filter {
            $0.pairingCapacity >= 1 && $0.yearlyBudget.minorUnits >= commitment
                && !forbidden.contains($0.id)
        }[skipping].id
    }

    @Test("pairs every impacted community within every rule, at the optimum")
    func optimal() throws {
        let request = Self.request
        let result = try OptimalPairing.run(request)
        #expect(Checks.violations(of: result, for: request) == [])
        #expect(result.pairings.count == 25)
        #expect(result.unpaired.filter { $0.side == .impacted }.isEmpty)
        #expect(PairingObjective(result) == (try ExpandedAssignment.optimum(request)))
        #expect(result.pairings.filter { $0.origin == .locked }.count == 2)
        // Every pairing explains itself, and the parts add up to the total.
        for pairing in result.pairings {
            #expect(pairing.score.contributions.count == ScoringFactor.allCases.count)
            #expect(pairing.score.contributions.allSatisfy { !$0.note.isEmpty })
        }
        #expect(result.pairings.reduce(ScorePoints.zero) { $0 + $1.score.total } == result.totalScore)
        // Supporting communities not needed say why.
        let unused = result.unpaired.filter { $0.side == .supporting }
        #expect(unused.count == 300 - Set(result.pairs.map(\.supporting)).count)
    }

    @Test("leans on existing partnerships with the same region")
    func existingPartnerships() throws {
        let result = try OptimalPairing.run(Self.request)
        let withPartnership = result.pairings.filter {
            $0.origin != .locked && $0.score[.existingPartnership]?.fraction == 1
        }
        // Many candidates know each region; the optimum uses such a relationship almost always.
        #expect(withPartnership.count >= 20)
    }

    @Test("stable pairing with either side proposing leaves no blocking pair")
    func stable() throws {
        for side in [CommunitySide.impacted, .supporting] {
            let result = try StablePairing.run(Self.request, proposing: side)
            #expect(Checks.violations(of: result, for: Self.request) == [])
            #expect(result.blockingPairs.isEmpty)
            #expect(result.pairings.count == 25)
        }
    }

    @Test("the optimum scores at least as much as any stable pairing")
    func optimumVersusStable() throws {
        let optimal = try OptimalPairing.run(Self.request)
        let stable = try StablePairing.run(Self.request, proposing: .impacted)
        #expect(optimal.totalScore >= stable.totalScore)
    }

    @Test("a re-run with one more forbidden pair moves one pairing at most")
    func rerunMovesLittle() throws {
        let first = try OptimalPairing.run(Self.request)
        var changed = Self.request
        changed.previous = first.pairs
        let moved = try #require(first.pairings.first { $0.origin == .new })
        changed.forbidden.append(moved.pair)
        let rerun = try OptimalPairing.run(changed)
        #expect(PairingObjective(rerun) == (try ExpandedAssignment.optimum(changed)))
        #expect(rerun.changes.removed.contains(moved.pair))
        #expect(rerun.changes.kept.count >= 23)
    }
}
