/// How each community ranks each candidate, as rank keys where lower is better and `nil` means
/// the candidate is not acceptable. Forbidden pairs are never acceptable.
///
/// Keys of equal value are equally good. Deferred acceptance needs strict preferences and
/// breaks such ties by the candidate's id; blocking pairs are reported only when both sides
/// would be strictly better off by their keys.
struct PreferenceProfile: Sendable {
    /// `impactedKey[cell(i, s)]`: how impacted community `i` ranks supporting community `s`.
    let impactedKey: [Int64?]
    /// `supportingKey[cell(i, s)]`: how supporting community `s` ranks impacted community `i`.
    let supportingKey: [Int64?]

    init(_ problem: PairingProblem) {
        let cells = problem.impactedCount * problem.supportingCount
        var impactedKey = [Int64?](repeating: nil, count: cells)
        var supportingKey = [Int64?](repeating: nil, count: cells)
        for (i, community) in problem.impacted.enumerated() {
            if let ranking = problem.rankings[community.id] {
                for (position, candidate) in ranking.enumerated() {
                    if let s = problem.supportingIndex[candidate] {
                        impactedKey[problem.cell(i, s)] = Int64(position)
                    }
                }
            } else {
                for s in problem.supporting.indices {
                    impactedKey[problem.cell(i, s)] = -problem.totals[problem.cell(i, s)]
                        .micropoints
                }
            }
        }
        for (s, community) in problem.supporting.enumerated() {
            if let ranking = problem.rankings[community.id] {
                for (position, candidate) in ranking.enumerated() {
                    if let i = problem.impactedIndex[candidate] {
                        supportingKey[problem.cell(i, s)] = Int64(position)
                    }
                }
            } else {
                for i in problem.impacted.indices {
                    supportingKey[problem.cell(i, s)] = -problem.totals[problem.cell(i, s)]
                        .micropoints
                }
            }
        }
        for cell in 0..<cells where problem.isForbidden[cell] {
            impactedKey[cell] = nil
            supportingKey[cell] = nil
        }
        self.impactedKey = impactedKey
        self.supportingKey = supportingKey
    }

    /// Whether both communities of the pair accept each other.
    func isMutuallyAcceptable(_ cell: Int) -> Bool {
        impactedKey[cell] != nil && supportingKey[cell] != nil
    }
}
