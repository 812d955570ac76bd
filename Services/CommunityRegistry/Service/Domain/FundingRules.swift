import Contracts
import Foundation

/// The rules that keep a need from being funded twice: what is committed to an item never
/// exceeds its estimated cost, and what is paid on a flow never exceeds what it commits.
enum FundingRules {
    /// A commitment already made to an item.
    struct Commitment: Sendable, Equatable {
        var flowId: UUID
        var funderName: String
        var funderKind: String
        var amount: Int
    }

    /// A commitment refused because it takes an item past its estimated cost.
    struct OverCost: Error, Sendable, Equatable {
        var itemId: UUID
        var description: String
        var cost: Money
        var committed: [Commitment]
        var requested: Int

        var alreadyCommitted: Int { committed.reduce(0) { $0 + $1.amount } }

        /// The sentence a coordinator reads: the item, its cost, what is committed and by whom.
        var explanation: String {
            let by =
                committed.isEmpty
                ? "nothing is committed yet"
                : "\(alreadyCommitted) is already committed: "
                    + committed.map { "\($0.amount) by \($0.funderName) (\($0.funderKind), flow \($0.flowId.uuidString.lowercased()))" }
                    .joined(separator: ", ")
            return
                "Need item \(itemId.uuidString.lowercased()) (\(description)) has an estimated cost of \(cost.amount) \(cost.currency) in minor units; \(by). Committing \(requested) more would take it past its cost: at most \(max(0, cost.amount - alreadyCommitted)) more can be committed."
        }
    }

    /// Nil when `amount` may be committed to an item of `cost` that already has `committed`.
    static func commit(
        _ amount: Int, toItem itemId: UUID, description: String, cost: Money, committed: [Commitment]
    ) -> OverCost? {
        let already = committed.reduce(0) { $0 + $1.amount }
        guard already + amount > cost.amount else { return nil }
        return OverCost(itemId: itemId, description: description, cost: cost, committed: committed, requested: amount)
    }
}
