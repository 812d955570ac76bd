/// Runs work for each of a list of items with at most `width` of them in flight at once, and
/// returns the results in the items' order. An error thrown by the work stops everything.
public struct RequestWindow: Sendable {
    public var width: Int

    public init(width: Int) {
        self.width = max(1, width)
    }

    public func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], _ work: @escaping @Sendable (Item) async throws -> Result
    ) async throws -> [Result] {
        try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            var results = [Result?](repeating: nil, count: items.count)
            var next = 0
            while next < min(width, items.count) {
                let index = next
                group.addTask { (index, try await work(items[index])) }
                next += 1
            }
            while let (index, result) = try await group.next() {
                results[index] = result
                if next < items.count {
                    let index = next
                    group.addTask { (index, try await work(items[index])) }
                    next += 1
                }
            }
            return results.compactMap { $0 }
        }
    }
}
