/// Finds the smallest set of rule groups that leaves a session no slot: deletion filtering
/// (drop each group in turn, keep it out if there is still no slot), then a search among the
/// smaller sets, within a budget, for one that also leaves none.
struct InfeasibilityExplainer {
    let rules: UnitRules
    let index: AvailabilityIndex
    /// Slot checks allowed in the search for a smaller set.
    var budget = 400

    func explanation() -> InfeasibilityExplanation {
        let count = rules.groups.count
        guard !rules.hasSlot() else {
            return InfeasibilityExplanation(
                rules: [], sentence: "a slot is free now; the session was left out by the order of placement",
                isMinimum: true)
        }
        var included = deletionFilter(Array(repeating: true, count: count))
        var checks = 0
        var isMinimum = false
        search: while true {
            let size = included.filter { $0 }.count
            guard size > 1 else {
                isMinimum = true
                break
            }
            var found: [Bool]?
            let exhausted = forEachCombination(of: size - 1, from: count) { chosen in
                checks += 1
                guard checks <= budget else { return false }
                var subset = Array(repeating: false, count: count)
                for position in chosen { subset[position] = true }
                if !rules.hasSlot(including: subset) {
                    found = subset
                    return false
                }
                return true
            }
            if let found {
                included = deletionFilter(found)
                continue search
            }
            isMinimum = exhausted
            break
        }
        let chosen = rules.groups.indices.filter { included[$0] }.map { rules.groups[$0] }
        return InfeasibilityExplanation(
            rules: chosen.map(\.rule), sentence: RulePhrasing(rules: rules, index: index).sentence(chosen),
            isMinimum: isMinimum)
    }

    /// Leaves out each included group in turn, least telling first, keeping it out when the
    /// rest still leave no slot.
    private func deletionFilter(_ start: [Bool]) -> [Bool] {
        var included = start
        let order = rules.groups.indices.sorted {
            (rules.groups[$0].deletionPriority, $0) < (rules.groups[$1].deletionPriority, $1)
        }
        for position in order where included[position] {
            included[position] = false
            if rules.hasSlot(including: included) { included[position] = true }
        }
        return included
    }

    /// Calls `body` with each `size`-element subset of `0..<count` in lexicographic order until
    /// it returns false; returns whether every subset was visited.
    private func forEachCombination(of size: Int, from count: Int, _ body: ([Int]) -> Bool) -> Bool {
        guard size <= count else { return true }
        var chosen = Array(0..<size)
        while true {
            if !body(chosen) { return false }
            var position = size - 1
            while position >= 0 && chosen[position] == count - size + position { position -= 1 }
            if position < 0 { return true }
            chosen[position] += 1
            for next in (position + 1)..<size { chosen[next] = chosen[next - 1] + 1 }
        }
    }
}
