/// Minimum-cost maximum flow on a bipartite graph where each row needs up to `rowDemand` edges,
/// each column takes up to `columnCapacity` edges, and each allowed edge is used at most once.
///
/// Successive shortest paths from a super-source to a super-sink, with Dijkstra on reduced
/// costs (Johnson potentials). Each augmentation adds one edge to the matching and is the
/// cheapest way to do so; augmenting until no path is left gives the cheapest among the
/// matchings with the most edges. Dijkstra scans nodes in index order and relaxes only on a
/// strict improvement, so ties resolve towards lower indices and the result is deterministic.
struct BipartiteFlow: Sendable {
    let rowCount: Int
    let columnCount: Int
    let rowDemand: [Int]
    let columnCapacity: [Int]
    /// Row-major; `nil` where the edge is not allowed.
    let cost: [FlowCost?]

    /// The edges of a minimum-cost maximum flow, row-major.
    func solve() -> [Bool] {
        let rows = rowCount
        let columns = columnCount
        let sink = rows + columns
        let nodeCount = rows + columns + 1
        var used = Array(repeating: false, count: rows * columns)
        var rowFlow = Array(repeating: 0, count: rows)
        var columnFlow = Array(repeating: 0, count: columns)

        // Initial potentials are shortest distances from the source in the empty residual
        // graph: 0 for rows, the cheapest incoming edge for columns, the cheapest column for
        // the sink. They make every reduced cost non-negative.
        var potential = Array(repeating: FlowCost.zero, count: nodeCount)
        var sinkPotential: FlowCost?
        for c in 0..<columns {
            var cheapest: FlowCost?
            for r in 0..<rows {
                if let edge = cost[r * columns + c], cheapest.map({ edge < $0 }) ?? true {
                    cheapest = edge
                }
            }
            potential[rows + c] = cheapest ?? .zero
            if columnCapacity[c] > 0, let cheapest,
                sinkPotential.map({ cheapest < $0 }) ?? true
            {
                sinkPotential = cheapest
            }
        }
        potential[sink] = sinkPotential ?? .zero

        var distance = Array(repeating: FlowCost.zero, count: nodeCount)
        var reached = Array(repeating: false, count: nodeCount)
        var settled = Array(repeating: false, count: nodeCount)
        // For a column or the sink: the row or column it was reached from. For a row: the
        // column it was reached from, or -1 when reached straight from the source.
        var predecessor = Array(repeating: -1, count: nodeCount)

        while true {
            for node in 0..<nodeCount {
                reached[node] = false
                settled[node] = false
                predecessor[node] = -1
            }
            for r in 0..<rows where rowFlow[r] < rowDemand[r] {
                distance[r] = .zero - potential[r]
                reached[r] = true
            }

            while true {
                var next = -1
                for node in 0..<nodeCount where reached[node] && !settled[node] {
                    if next < 0 || distance[node] < distance[next] { next = node }
                }
                if next < 0 || next == sink {
                    if next == sink { settled[sink] = true }
                    break
                }
                settled[next] = true
                let base = distance[next] + potential[next]
                if next < rows {
                    let r = next
                    for c in 0..<columns where !used[r * columns + c] {
                        guard let edge = cost[r * columns + c] else { continue }
                        let node = rows + c
                        let candidate = base + edge - potential[node]
                        if !reached[node] || candidate < distance[node] {
                            distance[node] = candidate
                            reached[node] = true
                            predecessor[node] = r
                        }
                    }
                } else {
                    let c = next - rows
                    for r in 0..<rows where used[r * columns + c] && !settled[r] {
                        guard let edge = cost[r * columns + c] else { continue }
                        let candidate = base - edge - potential[r]
                        if !reached[r] || candidate < distance[r] {
                            distance[r] = candidate
                            reached[r] = true
                            predecessor[r] = next
                        }
                    }
                    if columnFlow[c] < columnCapacity[c] {
                        let candidate = base - potential[sink]
                        if !reached[sink] || candidate < distance[sink] {
                            distance[sink] = candidate
                            reached[sink] = true
                            predecessor[sink] = next
                        }
                    }
                }
            }
            guard settled[sink] else { break }

            // Potentials grow by the distance, capped at the sink's distance for nodes that
            // were not settled: reduced costs stay non-negative.
            let sinkDistance = distance[sink]
            for node in 0..<nodeCount {
                potential[node] =
                    potential[node]
                    + (settled[node] && distance[node] < sinkDistance
                        ? distance[node] : sinkDistance)
            }

            var columnNode = predecessor[sink]
            columnFlow[columnNode - rows] += 1
            while true {
                let r = predecessor[columnNode]
                used[r * columns + (columnNode - rows)] = true
                let previous = predecessor[r]
                if previous < 0 {
                    rowFlow[r] += 1
                    break
                }
                used[r * columns + (previous - rows)] = false
                columnNode = previous
            }
        }
        return used
    }
}
