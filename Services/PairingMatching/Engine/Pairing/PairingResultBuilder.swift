/// Turns the set of chosen pairs into a result: explanations, unpaired reasons, blocking pairs,
/// capacity use and changes since the previous run. Shared by both pairing modes so that they
/// explain themselves the same way.
struct PairingResultBuilder {
    let problem: PairingProblem
    let profile: PreferenceProfile
    /// Row-major: whether each pair is in the result, locked pairs included.
    let chosen: [Bool]
    /// Stable pairing treats a pair that one side does not rank as unavailable.
    let rankingsLimitCandidates: Bool

    func build(mode: PairingMode) -> PairingResult {
        let columns = problem.supportingCount
        var impactedLoad = Array(repeating: 0, count: problem.impactedCount)
        var supportingLoad = Array(repeating: 0, count: columns)
        for cell in chosen.indices where chosen[cell] {
            impactedLoad[cell / columns] += 1
            supportingLoad[cell % columns] += 1
        }

        let commitment = problem.parameters.yearlyCommitment
        var pairings: [Pairing] = []
        var total = ScorePoints.zero
        for i in 0..<problem.impactedCount {
            for s in 0..<columns where chosen[problem.cell(i, s)] {
                let cell = problem.cell(i, s)
                let origin: Pairing.Origin =
                    problem.isLocked[cell] ? .locked : problem.wasPrevious[cell] ? .kept : .new
                let score = problem.scorer.score(i, s)
                total = total + problem.totals[cell]
                pairings.append(
                    Pairing(
                        pair: problem.pair(i, s), score: score, origin: origin,
                        yearlyCommitment: commitment,
                        totalCommitment: Money(
                            minorUnits: commitment.minorUnits * Int64(problem.parameters.years),
                            currency: commitment.currency)))
            }
        }

        return PairingResult(
            mode: mode, pairings: pairings,
            unpaired: unpairedImpacted(impactedLoad, supportingLoad)
                + unpairedSupporting(impactedLoad, supportingLoad),
            blockingPairs: blockingPairs(impactedLoad, supportingLoad),
            capacityUse: capacityUse(supportingLoad), changes: changes(), totalScore: total)
    }

    // MARK: Unpaired communities

    private func isFull(_ s: Int, _ supportingLoad: [Int]) -> Bool {
        supportingLoad[s] >= problem.capacity[s]
    }

    private func unpairedImpacted(_ impactedLoad: [Int], _ supportingLoad: [Int])
        -> [UnpairedCommunity]
    {
        var unpaired: [UnpairedCommunity] = []
        for i in 0..<problem.impactedCount where impactedLoad[i] < problem.partnersNeeded[i] {
            let statuses = problem.supporting.indices.map { s -> CandidateStatus in
                let cell = problem.cell(i, s)
                let state: CandidateStatus.State
                if problem.isForbidden[cell] {
                    state = .forbidden
                } else if chosen[cell] {
                    state = .alreadyPartner
                } else if isFull(s, supportingLoad) {
                    state = problem.isBudgetBound(s) ? .budgetExhausted : .noCapacityLeft
                } else if rankingsLimitCandidates && !profile.isMutuallyAcceptable(cell) {
                    state = .notAcceptable
                } else {
                    state = .open
                }
                return CandidateStatus(candidate: problem.supporting[s].id, state: state)
            }
            let remaining = statuses.filter { $0.state != .forbidden && $0.state != .alreadyPartner }
            let reason: UnpairedReason
            if statuses.isEmpty {
                reason = .noCandidates
            } else if statuses.allSatisfy({ $0.state == .forbidden }) {
                reason = .everyCandidateForbidden
            } else if remaining.isEmpty {
                reason = .tooFewAllowedCandidates
            } else if remaining.allSatisfy({ $0.state == .noCapacityLeft }) {
                reason = .noCapacityLeft
            } else if remaining.allSatisfy({ $0.state == .budgetExhausted }) {
                reason = .budgetExhausted
            } else if remaining.allSatisfy({
                $0.state == .noCapacityLeft || $0.state == .budgetExhausted
            }) {
                reason = .noCapacityOrBudgetLeft
            } else {
                reason = .noAcceptableCandidateWithRoom
            }
            unpaired.append(
                UnpairedCommunity(
                    community: problem.impacted[i].id, side: .impacted,
                    partnersMissing: problem.partnersNeeded[i] - impactedLoad[i], reason: reason,
                    candidates: statuses))
        }
        return unpaired
    }

    private func unpairedSupporting(_ impactedLoad: [Int], _ supportingLoad: [Int])
        -> [UnpairedCommunity]
    {
        var unpaired: [UnpairedCommunity] = []
        for s in 0..<problem.supportingCount where supportingLoad[s] == 0 {
            let statuses = problem.impacted.indices.map { i -> CandidateStatus in
                let cell = problem.cell(i, s)
                let state: CandidateStatus.State
                if problem.isForbidden[cell] {
                    state = .forbidden
                } else if impactedLoad[i] >= problem.partnersNeeded[i] {
                    state = .partnersComplete
                } else if rankingsLimitCandidates && !profile.isMutuallyAcceptable(cell) {
                    state = .notAcceptable
                } else {
                    state = .open
                }
                return CandidateStatus(candidate: problem.impacted[i].id, state: state)
            }
            let reason: UnpairedReason
            if statuses.isEmpty {
                reason = .noCandidates
            } else if problem.supporting[s].pairingCapacity == 0 {
                reason = .noPairingCapacity
            } else if problem.budgetPairings[s] == 0 {
                reason = .budgetBelowCommitment
            } else if statuses.allSatisfy({ $0.state == .forbidden }) {
                reason = .everyCandidateForbidden
            } else if statuses.allSatisfy({
                $0.state == .forbidden || $0.state == .partnersComplete
            }) {
                reason = .impactedCommunitiesComplete
            } else {
                reason = .noAcceptableCandidateWithRoom
            }
            unpaired.append(
                UnpairedCommunity(
                    community: problem.supporting[s].id, side: .supporting, partnersMissing: 0,
                    reason: reason, candidates: statuses))
        }
        return unpaired
    }

    // MARK: Blocking pairs

    /// The partner a community would give up for a better candidate: its worst unlocked
    /// partner, where an unranked partner is worst of all and ties go against the higher id.
    private func worstUnlockedPartner(
        among partners: [Int], key: (Int) -> Int64?
    ) -> (index: Int, key: Int64?)? {
        var worst: (index: Int, key: Int64?)?
        for partner in partners {
            let partnerKey = key(partner)
            guard let current = worst else {
                worst = (partner, partnerKey)
                continue
            }
            let isWorse: Bool
            switch (partnerKey, current.key) {
            case (nil, nil): isWorse = partner > current.index
            case (nil, _): isWorse = true
            case (_, nil): isWorse = false
            case (.some(let a), .some(let b)): isWorse = (a, partner) > (b, current.index)
            }
            if isWorse { worst = (partner, partnerKey) }
        }
        return worst
    }

    private func blockingPairs(_ impactedLoad: [Int], _ supportingLoad: [Int]) -> [BlockingPair] {
        let rows = problem.impactedCount
        let columns = problem.supportingCount
        var unlockedPartnersOfImpacted = Array(repeating: [Int](), count: rows)
        var unlockedPartnersOfSupporting = Array(repeating: [Int](), count: columns)
        for cell in chosen.indices where chosen[cell] && !problem.isLocked[cell] {
            unlockedPartnersOfImpacted[cell / columns].append(cell % columns)
            unlockedPartnersOfSupporting[cell % columns].append(cell / columns)
        }
        let impactedWorst = (0..<rows).map { i in
            worstUnlockedPartner(among: unlockedPartnersOfImpacted[i]) {
                profile.impactedKey[problem.cell(i, $0)]
            }
        }
        let supportingWorst = (0..<columns).map { s in
            worstUnlockedPartner(among: unlockedPartnersOfSupporting[s]) {
                profile.supportingKey[problem.cell($0, s)]
            }
        }

        var blocking: [BlockingPair] = []
        for i in 0..<rows {
            for s in 0..<columns {
                let cell = problem.cell(i, s)
                guard !chosen[cell], let impactedKey = profile.impactedKey[cell],
                    let supportingKey = profile.supportingKey[cell]
                else { continue }

                let impactedDrop: CommunityID?
                if impactedLoad[i] < problem.partnersNeeded[i] {
                    impactedDrop = nil
                } else if let worst = impactedWorst[i],
                    worst.key.map({ impactedKey < $0 }) ?? true
                {
                    impactedDrop = problem.supporting[worst.index].id
                } else {
                    continue
                }

                let supportingDrop: CommunityID?
                if supportingLoad[s] < problem.capacity[s] {
                    supportingDrop = nil
                } else if let worst = supportingWorst[s],
                    worst.key.map({ supportingKey < $0 }) ?? true
                {
                    supportingDrop = problem.impacted[worst.index].id
                } else {
                    continue
                }

                blocking.append(
                    BlockingPair(
                        pair: problem.pair(i, s), score: problem.totals[cell],
                        impactedWouldDrop: impactedDrop, supportingWouldDrop: supportingDrop))
            }
        }
        return blocking
    }

    // MARK: Capacity and changes

    private func capacityUse(_ supportingLoad: [Int]) -> [SupportingCapacityUse] {
        let commitment = problem.parameters.yearlyCommitment
        return problem.supporting.indices.map { s in
            let community = problem.supporting[s]
            return SupportingCapacityUse(
                community: community.id, pairings: supportingLoad[s],
                pairingsLeft: problem.capacity[s] - supportingLoad[s],
                budgetLeft: Money(
                    minorUnits: community.yearlyBudget.minorUnits
                        - commitment.minorUnits * Int64(supportingLoad[s]),
                    currency: commitment.currency),
                limitedBy: problem.isBudgetBound(s) ? .budget : .pairingCapacity)
        }
    }

    private func changes() -> PairingChanges {
        var kept: [CommunityPair] = []
        var added: [CommunityPair] = []
        var removed: [CommunityPair] = []
        for i in 0..<problem.impactedCount {
            for s in 0..<problem.supportingCount {
                let cell = problem.cell(i, s)
                switch (chosen[cell], problem.wasPrevious[cell]) {
                case (true, true): kept.append(problem.pair(i, s))
                case (true, false): added.append(problem.pair(i, s))
                case (false, true): removed.append(problem.pair(i, s))
                case (false, false): break
                }
            }
        }
        return PairingChanges(
            kept: kept, added: added,
            removed: (removed + problem.previousOutsideRequest).sorted())
    }
}
