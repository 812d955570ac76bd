import Contracts
import Foundation

/// What changed between two versions of a community's needs assessment, as a coordinator reads
/// it: the items added, removed and changed (with the fields that changed), and how the
/// estimated cost moved in each currency.
public struct NeedsAssessmentDiff: Sendable, Equatable, Encodable {
    public struct ChangedItem: Sendable, Equatable, Encodable {
        public var before: NeedItem
        public var after: NeedItem
        /// horizon, sector, description, quantity or estimatedCost.
        public var fields: [String]
    }

    /// The estimated cost in one currency before and after, and the difference.
    public struct CostMove: Sendable, Equatable, Encodable {
        public var currency: String
        public var before: Int
        public var after: Int
        public var change: Int
    }

    @LowercasedUUID public var from: UUID
    public var fromVersion: Int
    @LowercasedUUID public var to: UUID
    public var toVersion: Int
    public var added: [NeedItem]
    public var removed: [NeedItem]
    public var changed: [ChangedItem]
    public var unchanged: Int
    public var costMoved: [CostMove]
    /// One line per change, e.g. `changed: Mattresses (quantity, estimatedCost)`.
    public var summary: [String]

    /// The difference from `old` to `new`. An item of `new` that carries over an item of `old`
    /// is the same need, changed or not; one that carries over nothing of `old` is added; an
    /// item of `old` that nothing in `new` carries over is removed. Items are matched through
    /// the chain of versions between the two when they are not adjacent (`lineage` maps each
    /// item id to the item it carries over).
    init(from old: NeedsAssessment, to new: NeedsAssessment, lineage: [UUID: UUID] = [:]) {
        let oldIds = Set(old.items.map(\.id))
        func ancestor(of item: NeedItem) -> UUID? {
            var current = item.carriesOver.flatMap(UUID.init(uuidString:))
            var steps = 0
            while let id = current, steps < 1000 {
                if oldIds.contains(id) { return id }
                current = lineage[id]
                steps += 1
            }
            return nil
        }
        var matched: [UUID: NeedItem] = [:]
        var added: [NeedItem] = []
        for item in new.items {
            if let ancestor = ancestor(of: item), matched[ancestor] == nil { matched[ancestor] = item } else { added.append(item) }
        }
        var removed: [NeedItem] = []
        var changed: [ChangedItem] = []
        var unchanged = 0
        for item in old.items {
            guard let after = matched[item.id] else {
                removed.append(item)
                continue
            }
            let fields = item.changedFields(in: after)
            if fields.isEmpty { unchanged += 1 } else { changed.append(ChangedItem(before: item, after: after, fields: fields)) }
        }
        let before = Dictionary(uniqueKeysWithValues: old.estimatedCost.map { ($0.currency, $0.amount) })
        let after = Dictionary(uniqueKeysWithValues: new.estimatedCost.map { ($0.currency, $0.amount) })
        let costMoved = Set(before.keys).union(after.keys).sorted().compactMap { currency -> CostMove? in
            let was = before[currency] ?? 0
            let now = after[currency] ?? 0
            return was == now ? nil : CostMove(currency: currency, before: was, after: now, change: now - was)
        }
        self.from = old.id
        self.fromVersion = old.version
        self.to = new.id
        self.toVersion = new.version
        self.added = added
        self.removed = removed
        self.changed = changed
        self.unchanged = unchanged
        self.costMoved = costMoved
        self.summary =
            added.map { "added: \($0.description)" } + removed.map { "removed: \($0.description)" }
            + changed.map { "changed: \($0.after.description) (\($0.fields.joined(separator: ", ")))" }
            + costMoved.map { "cost \($0.change >= 0 ? "up" : "down") \(abs($0.change)) \($0.currency) minor units" }
    }
}
