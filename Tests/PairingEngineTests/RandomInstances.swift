import PairingEngine
import TestSupport

/// Small random requests for checking against exhaustive search: capacities, budgets, several
/// partners per community, prohibitions, locks and previous pairs, and coarse weights so that
/// ties are common.
enum RandomInstances {
    static func request(seed: UInt64, sides: ClosedRange<Int> = 1...8) -> PairingRequest {
        var generator = SplitMix64(seed: seed)
        let rows = Int.random(in: sides, using: &generator)
        let columns = Int.random(in: sides, using: &generator)
        let impacted = (0..<rows).map {
            Fixtures.randomImpacted(
                CommunityID("i\($0)"), using: &generator,
                partnersNeeded: [0, 1, 1, 1, 2, 2].randomElement(using: &generator))
        }
        let supporting = (0..<columns).map {
            Fixtures.randomSupporting(
                CommunityID("s\($0)"), capacity: 0...2, budgetPairings: 0...2, using: &generator)
        }
        var parameters = PairingParameters()
        if Bool.random(using: &generator) {
            let coarse: [Double] = [0, 1, 2]
            parameters.weights = ScoringWeights(
                existingPartnership: coarse.randomElement(using: &generator) ?? 1,
                needsFit: coarse.randomElement(using: &generator) ?? 1,
                sharedLanguage: coarse.randomElement(using: &generator) ?? 1,
                workingHoursOverlap: 0, capacityLeft: 0)
        }

        var forbidden: [CommunityPair] = []
        var locked: [CommunityPair] = []
        var previous: [CommunityPair] = []
        var lockedPerImpacted = [CommunityID: Int]()
        var lockedPerSupporting = [CommunityID: Int]()
        let commitment = parameters.yearlyCommitment.minorUnits
        for i in impacted {
            for s in supporting {
                let pair = CommunityPair(impacted: i.id, supporting: s.id)
                let draw = Double.random(in: 0..<1, using: &generator)
                if draw < 0.2 {
                    forbidden.append(pair)
                    continue
                }
                let room = min(s.pairingCapacity, Int(s.yearlyBudget.minorUnits / commitment))
                if draw < 0.3, lockedPerImpacted[i.id, default: 0] < (i.partnersNeeded ?? 1),
                    lockedPerSupporting[s.id, default: 0] < room
                {
                    locked.append(pair)
                    lockedPerImpacted[i.id, default: 0] += 1
                    lockedPerSupporting[s.id, default: 0] += 1
                }
                if Double.random(in: 0..<1, using: &generator) < 0.25 {
                    previous.append(pair)
                }
            }
        }
        return PairingRequest(
            impacted: impacted, supporting: supporting, parameters: parameters, locked: locked,
            forbidden: forbidden, previous: previous)
    }

    /// Complete random rankings for every community of `request` (forbidden candidates
    /// included; the engine must skip them), with some communities leaving candidates out.
    static func rankings(for request: PairingRequest, seed: UInt64) -> [CommunityID: [CommunityID]] {
        var generator = SplitMix64(seed: seed)
        var rankings: [CommunityID: [CommunityID]] = [:]
        for community in request.impacted {
            var list = request.supporting.map(\.id).shuffled(using: &generator)
            if Double.random(in: 0..<1, using: &generator) < 0.3 {
                list = Array(list.prefix(Int.random(in: 0...list.count, using: &generator)))
            }
            rankings[community.id] = list
        }
        for community in request.supporting {
            var list = request.impacted.map(\.id).shuffled(using: &generator)
            if Double.random(in: 0..<1, using: &generator) < 0.3 {
                list = Array(list.prefix(Int.random(in: 0...list.count, using: &generator)))
            }
            rankings[community.id] = list
        }
        return rankings
    }
}
