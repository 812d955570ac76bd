@testable import PairingEngine

/// The lexicographic objective of optimal pairing: most pairings, then highest score, then
/// most previous pairs kept.
struct PairingObjective: Comparable, CustomStringConvertible {
    var pairings: Int
    var micropoints: Int64
    var kept: Int

    static func < (lhs: PairingObjective, rhs: PairingObjective) -> Bool {
        (lhs.pairings, lhs.micropoints, lhs.kept) < (rhs.pairings, rhs.micropoints, rhs.kept)
    }

    static func + (lhs: PairingObjective, rhs: PairingObjective) -> PairingObjective {
        PairingObjective(
            pairings: lhs.pairings + rhs.pairings, micropoints: lhs.micropoints + rhs.micropoints,
            kept: lhs.kept + rhs.kept)
    }

    static let zero = PairingObjective(pairings: 0, micropoints: 0, kept: 0)

    var description: String { "(\(pairings) pairings, \(micropoints) µpt, \(kept) kept)" }

    /// The objective of a result.
    init(_ result: PairingResult) {
        pairings = result.pairings.count
        micropoints = result.totalScore.micropoints
        kept = result.changes.kept.count
    }

    init(pairings: Int, micropoints: Int64, kept: Int) {
        self.pairings = pairings
        self.micropoints = micropoints
        self.kept = kept
    }
}

/// Tries every feasible set of pairs: each impacted community in turn takes every subset of its
/// allowed candidates that fits its missing partners and their room left. Memoized on the room
/// left, which makes 8 by 8 instances quick without pruning anything.
final class ExhaustiveSearch {
    let problem: PairingProblem
    private var memo: [[Int]: PairingObjective] = [:]

    init(_ request: PairingRequest) throws {
        problem = try PairingProblem(request)
    }

    func optimum() -> PairingObjective {
        var locked = PairingObjective.zero
        for cell in problem.isLocked.indices where problem.isLocked[cell] {
            locked =
                locked
                + PairingObjective(
                    pairings: 1, micropoints: problem.totals[cell].micropoints,
                    kept: problem.wasPrevious[cell] ? 1 : 0)
        }
        let room = (0..<problem.supportingCount).map {
            problem.capacity[$0] - problem.lockedCount.supporting[$0]
        }
        return locked + best(from: 0, room: room)
    }

    private func best(from i: Int, room: [Int]) -> PairingObjective {
        guard i < problem.impactedCount else { return .zero }
        let key = [i] + room
        if let known = memo[key] { return known }
        let missing = problem.partnersNeeded[i] - problem.lockedCount.impacted[i]
        let candidates = (0..<problem.supportingCount).filter {
            let cell = problem.cell(i, $0)
            return !problem.isForbidden[cell] && !problem.isLocked[cell] && room[$0] > 0
        }
        var result = PairingObjective(pairings: -1, micropoints: 0, kept: 0)
        func visit(_ start: Int, _ chosen: [Int]) {
            var room = room
            var gained = PairingObjective.zero
            for s in chosen {
                room[s] -= 1
                let cell = problem.cell(i, s)
                gained =
                    gained
                    + PairingObjective(
                        pairings: 1, micropoints: problem.totals[cell].micropoints,
                        kept: problem.wasPrevious[cell] ? 1 : 0)
            }
            let total = gained + best(from: i + 1, room: room)
            if result < total { result = total }
            guard chosen.count < missing else { return }
            for next in start..<candidates.count {
                visit(next + 1, chosen + [candidates[next]])
            }
        }
        visit(0, [])
        memo[key] = result
        return result
    }
}
