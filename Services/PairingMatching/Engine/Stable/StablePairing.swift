/// Stable pairing: no impacted and supporting community would both rather be paired with each
/// other than with one of their partners.
///
/// Deferred acceptance with capacities on both sides (the hospitals/residents form, where an
/// impacted community may need several partners), with either side proposing; the result is
/// the best stable one for the proposing side. Preferences come from
/// `PairingRequest.rankings`, or from pair scores for communities without a ranking.
/// Locked pairs are fixed first and use up places; forbidden pairs are never proposed.
public enum StablePairing {
    /// Pairs the communities of `request` with `proposing` making the offers.
    ///
    /// - Throws: `PairingInputError` when the request is inconsistent, as for `OptimalPairing`,
    ///   or when a ranking names a community that is not on the other side.
    public static func run(_ request: PairingRequest, proposing: CommunitySide) throws
        -> PairingResult
    {
        let problem = try PairingProblem(request)
        let profile = PreferenceProfile(problem)
        let rows = problem.impactedCount
        let columns = problem.supportingCount

        let impactedQuota = (0..<rows).map {
            problem.partnersNeeded[$0] - problem.lockedCount.impacted[$0]
        }
        let supportingQuota = (0..<columns).map {
            problem.capacity[$0] - problem.lockedCount.supporting[$0]
        }
        func isOpen(_ i: Int, _ s: Int) -> Bool {
            let cell = problem.cell(i, s)
            return !problem.isLocked[cell] && profile.isMutuallyAcceptable(cell)
        }

        var chosen = problem.isLocked
        switch proposing {
        case .impacted:
            let proposals = (0..<rows).map { i in
                (0..<columns).filter { isOpen(i, $0) }.sorted {
                    (profile.impactedKey[problem.cell(i, $0)] ?? .max, $0)
                        < (profile.impactedKey[problem.cell(i, $1)] ?? .max, $1)
                }
            }
            var receiverKey = [Int64?](repeating: nil, count: rows * columns)
            for s in 0..<columns {
                for i in 0..<rows where isOpen(i, s) {
                    receiverKey[s * rows + i] = profile.supportingKey[problem.cell(i, s)]
                }
            }
            let held = DeferredAcceptance(
                proposerQuota: impactedQuota, receiverQuota: supportingQuota,
                proposals: proposals, receiverKey: receiverKey
            ).run()
            for (s, partners) in held.enumerated() {
                for i in partners { chosen[problem.cell(i, s)] = true }
            }
        case .supporting:
            let proposals = (0..<columns).map { s in
                (0..<rows).filter { isOpen($0, s) }.sorted {
                    (profile.supportingKey[problem.cell($0, s)] ?? .max, $0)
                        < (profile.supportingKey[problem.cell($1, s)] ?? .max, $1)
                }
            }
            var receiverKey = [Int64?](repeating: nil, count: rows * columns)
            for i in 0..<rows {
                for s in 0..<columns where isOpen(i, s) {
                    receiverKey[i * columns + s] = profile.impactedKey[problem.cell(i, s)]
                }
            }
            let held = DeferredAcceptance(
                proposerQuota: supportingQuota, receiverQuota: impactedQuota,
                proposals: proposals, receiverKey: receiverKey
            ).run()
            for (i, partners) in held.enumerated() {
                for s in partners { chosen[problem.cell(i, s)] = true }
            }
        }

        return PairingResultBuilder(
            problem: problem, profile: profile, chosen: chosen, rankingsLimitCandidates: true
        ).build(mode: .stable(proposing: proposing))
    }
}
