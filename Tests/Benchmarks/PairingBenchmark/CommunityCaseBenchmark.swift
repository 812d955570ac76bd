import PairingEngine

/// The pairing engine end to end (validation, scoring, minimum-cost flow, explanations) on a
/// community case, next to the bare assignment on the equivalent expanded matrix (one column
/// per place a supporting community offers, one "unpaired" column per impacted community),
/// solved by `LinearAssignment` and by SciPy. The expanded matrix is only equivalent when
/// every impacted community needs one partner; with two, only the engine's figure is shown.
struct CommunityCaseBenchmark {
    let baseline: SciPyBaseline

    func run(name: String, request: PairingRequest, repeats: Int) throws {
        print(name)
        let (scoringTiming, _) = try Timing.measure(repeats: repeats) {
            try CandidateScores(request)
        }
        let (optimalTiming, optimal) = try Timing.measure(repeats: repeats) {
            try OptimalPairing.run(request)
        }
        let (stableTiming, stable) = try Timing.measure(repeats: repeats) {
            try StablePairing.run(request, proposing: .impacted)
        }
        let missing = optimal.unpaired.filter { $0.side == .impacted }.reduce(0) {
            $0 + $1.partnersMissing
        }
        print(
            "  engine, optimal:   \(milliseconds(optimalTiming.best)) "
                + "(median \(milliseconds(optimalTiming.median))), \(optimal.pairings.count) "
                + "pairings, \(missing) missing, total score \(optimal.totalScore), "
                + "\(optimal.blockingPairs.count) blocking pairs")
        print(
            "  of which validation and scoring of all \(request.impacted.count * request.supporting.count) "
                + "candidate pairs: \(milliseconds(scoringTiming.best)) "
                + "(median \(milliseconds(scoringTiming.median)))")
        print(
            "  engine, stable:    \(milliseconds(stableTiming.best)) "
                + "(median \(milliseconds(stableTiming.median))), \(stable.pairings.count) "
                + "pairings, total score \(stable.totalScore), \(stable.blockingPairs.count) "
                + "blocking pairs")

        guard request.impacted.allSatisfy({ $0.partnersNeeded == 1 }) else {
            print("  (two partners each: no assignment-matrix equivalent, so no SciPy figure)\n")
            return
        }
        let (matrix, pairingBonus) = try expandedMatrix(request)
        let (swiftTiming, solution) = try Timing.measure(repeats: repeats) {
            try LinearAssignment.solve(matrix, goal: .maximize)
        }
        let scipy = try baseline.solve(matrix, goal: .maximize, repeats: repeats)
        func describe(_ total: Double, _ columns: [Int?]) -> String {
            let paired = columns.filter { ($0 ?? Int.max) < matrix.columnCount - matrix.rowCount }
                .count
            let score = ScorePoints(micropoints: Int64(total - Double(paired) * pairingBonus))
            return "\(paired) pairings, total score \(score)"
        }
        print(
            "  expanded matrix \(matrix.rowCount) x \(matrix.columnCount), Swift JV: "
                + "\(milliseconds(swiftTiming.best)) (median \(milliseconds(swiftTiming.median))), "
                + describe(solution.total, solution.columnOfRow))
        print(
            "  expanded matrix \(matrix.rowCount) x \(matrix.columnCount), SciPy:    "
                + "\(milliseconds(scipy.timing.best)) (median \(milliseconds(scipy.timing.median))), "
                + describe(scipy.objective, scipy.columnOfRow.map { $0 }))
        print("")
    }

    /// Entries: a pairing bonus plus the score in micro-points for allowed places, far below
    /// zero for forbidden ones, zero in the unpaired columns. Integers below 2^53, so exact.
    private func expandedMatrix(_ request: PairingRequest) throws -> (CostMatrix, Double) {
        let scores = try CandidateScores(request)
        let commitment = request.parameters.yearlyCommitment.minorUnits
        let byID = Dictionary(uniqueKeysWithValues: request.supporting.map { ($0.id, $0) })
        var places: [CommunityID] = []
        for id in scores.supporting {
            guard let community = byID[id] else { continue }
            let room = min(
                community.pairingCapacity, Int(community.yearlyBudget.minorUnits / commitment))
            places += Array(repeating: id, count: room)
        }
        let forbidden = Set(request.forbidden)
        let rows = scores.impacted
        let columns = places.count + rows.count
        let pairingBonus = 1e9
        var entries = [Double](repeating: 0, count: rows.count * columns)
        for (r, impacted) in rows.enumerated() {
            for (c, supporting) in places.enumerated() {
                let pair = CommunityPair(impacted: impacted, supporting: supporting)
                entries[r * columns + c] =
                    forbidden.contains(pair)
                    ? -1e13
                    : pairingBonus + Double(scores.total(of: pair)?.micropoints ?? 0)
            }
        }
        return (
            try CostMatrix(rowCount: rows.count, columnCount: columns, entries: entries),
            pairingBonus
        )
    }
}
