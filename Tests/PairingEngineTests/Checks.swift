import PairingEngine

/// Independent checks of a result against the request's rules, written without the engine's
/// internals.
enum Checks {
    /// Every rule the result breaks, as readable lines; empty when the result is feasible.
    static func violations(of result: PairingResult, for request: PairingRequest) -> [String] {
        var problems: [String] = []
        let pairs = result.pairs
        if Set(pairs).count != pairs.count { problems.append("a pair appears twice") }
        for lock in request.locked where !pairs.contains(lock) {
            problems.append("locked pair \(lock) is missing")
        }
        for pair in request.forbidden where pairs.contains(pair) {
            problems.append("forbidden pair \(pair) was chosen")
        }
        for community in request.impacted {
            let count = pairs.filter { $0.impacted == community.id }.count
            let needed =
                community.partnersNeeded ?? request.parameters.partnersPerImpactedCommunity
            if count > needed { problems.append("\(community.id) has \(count) > \(needed)") }
        }
        let commitment = request.parameters.yearlyCommitment.minorUnits
        for community in request.supporting {
            let count = pairs.filter { $0.supporting == community.id }.count
            if count > community.pairingCapacity {
                problems.append("\(community.id) has \(count) > capacity")
            }
            if Int64(count) * commitment > community.yearlyBudget.minorUnits {
                problems.append("\(community.id) has \(count) pairings beyond its budget")
            }
        }
        return problems
    }

    /// Pairs that block the result under explicit, complete rankings: both communities list
    /// each other, and each has a free place or ranks the other above an unlocked partner.
    static func blockingPairs(
        of result: PairingResult, for request: PairingRequest, rankings: [CommunityID: [CommunityID]]
    ) -> [CommunityPair] {
        let pairs = Set(result.pairs)
        let locked = Set(request.locked)
        let forbidden = Set(request.forbidden)
        let commitment = request.parameters.yearlyCommitment.minorUnits
        func rank(_ owner: CommunityID, _ candidate: CommunityID) -> Int? {
            rankings[owner]?.firstIndex(of: candidate)
        }
        var blocking: [CommunityPair] = []
        for i in request.impacted {
            let needed = i.partnersNeeded ?? request.parameters.partnersPerImpactedCommunity
            let partnersOfI = pairs.filter { $0.impacted == i.id }
            for s in request.supporting {
                let pair = CommunityPair(impacted: i.id, supporting: s.id)
                guard !pairs.contains(pair), !forbidden.contains(pair),
                    let iRanksS = rank(i.id, s.id), let sRanksI = rank(s.id, i.id)
                else { continue }
                let iWants =
                    partnersOfI.count < needed
                    || partnersOfI.contains {
                        !locked.contains($0) && (rank(i.id, $0.supporting) ?? .max) > iRanksS
                    }
                let room = min(
                    s.pairingCapacity, Int(s.yearlyBudget.minorUnits / commitment))
                let partnersOfS = pairs.filter { $0.supporting == s.id }
                let sWants =
                    partnersOfS.count < room
                    || partnersOfS.contains {
                        !locked.contains($0) && (rank(s.id, $0.impacted) ?? .max) > sRanksI
                    }
                if iWants && sWants { blocking.append(pair) }
            }
        }
        return blocking
    }
}
