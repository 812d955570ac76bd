/// Optimal pairing: the assignment with the best total score that respects every capacity,
/// budget, lock and prohibition.
///
/// The objective is lexicographic:
/// 1. as many pairings as the rules allow, so that no community is left behind while a
///    supporting community that may take it still has room;
/// 2. among those, the highest total score (exact, in micro-points);
/// 3. among those, the most pairs kept from `PairingRequest.previous`, so a re-run after a
///    change moves only what the first two goals require. A continuity bonus inside the score
///    would trade score for stability; the lexicographic order never does.
///
/// It is solved exactly as a minimum-cost maximum flow (source → impacted communities with
/// their missing partners → supporting communities with their room left → sink), after
/// taking out locked pairs. Communities are sorted by id first and remaining ties resolve
/// towards lower ids, so the same input gives the same output in any order.
public enum OptimalPairing {
    /// Pairs the communities of `request`.
    ///
    /// - Throws: `PairingInputError` when the request is inconsistent (duplicate ids, negative
    ///   capacities or budgets, a lock on a forbidden pair, a lock beyond a capacity, a budget
    ///   or the partners needed, non-finite weights, ...).
    public static func run(_ request: PairingRequest) throws -> PairingResult {
        let problem = try PairingProblem(request)
        let rows = problem.impactedCount
        let columns = problem.supportingCount

        let allowed = (0..<rows * columns).map { !problem.isForbidden[$0] && !problem.isLocked[$0] }
        let cost = (0..<rows * columns).map {
            FlowCost(
                primary: -problem.totals[$0].micropoints,
                secondary: problem.wasPrevious[$0] ? -1 : 0)
        }
        let flow = BipartiteFlow(
            rowCount: rows, columnCount: columns,
            rowDemand: (0..<rows).map {
                problem.partnersNeeded[$0] - problem.lockedCount.impacted[$0]
            },
            columnCapacity: (0..<columns).map {
                problem.capacity[$0] - problem.lockedCount.supporting[$0]
            },
            allowed: allowed, cost: cost)

        var chosen = flow.solve()
        for cell in chosen.indices where problem.isLocked[cell] {
            chosen[cell] = true
        }
        return PairingResultBuilder(
            problem: problem, profile: PreferenceProfile(problem), chosen: chosen,
            rankingsLimitCandidates: false
        ).build(mode: .optimal)
    }
}
