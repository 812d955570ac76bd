/// A cost compared lexicographically: `primary` first, `secondary` only on a tie.
///
/// Integer components keep the comparison exact; pairs of integers under componentwise
/// addition and lexicographic order form an ordered group, so shortest paths with potentials
/// work on them as on plain numbers.
struct FlowCost: Comparable, Sendable {
    var primary: Int64
    var secondary: Int64

    static let zero = FlowCost(primary: 0, secondary: 0)

    static func + (lhs: FlowCost, rhs: FlowCost) -> FlowCost {
        FlowCost(primary: lhs.primary + rhs.primary, secondary: lhs.secondary + rhs.secondary)
    }

    static func - (lhs: FlowCost, rhs: FlowCost) -> FlowCost {
        FlowCost(primary: lhs.primary - rhs.primary, secondary: lhs.secondary - rhs.secondary)
    }

    static prefix func - (value: FlowCost) -> FlowCost {
        FlowCost(primary: -value.primary, secondary: -value.secondary)
    }

    static func < (lhs: FlowCost, rhs: FlowCost) -> Bool {
        lhs.primary != rhs.primary ? lhs.primary < rhs.primary : lhs.secondary < rhs.secondary
    }
}
