/// Minimum-cost maximum flow on a bipartite graph where each row needs up to `rowDemand` edges,
/// each column takes up to `columnCapacity` edges, and each allowed edge is used at most once.
///
/// Successive shortest paths from a super-source to a super-sink, with Dijkstra on reduced
/// costs (Johnson potentials). Each augmentation adds one edge to the matching and is the
/// cheapest way to do so; augmenting until no path is left gives the cheapest among the
/// matchings with the most edges.
///
/// Rows that still need edges always sit at distance zero from the source, so instead of
/// scanning every such row in every search, each column keeps its cheapest edge from such a
/// row and the search starts from those (the idea behind Jonker and Volgenant's column
/// reduction); only rows reached back through a used edge are scanned. Dijkstra settles nodes
/// in order of (distance, index) and relaxes only on a strict improvement, and the cheapest
/// edges break ties by row index, so the result is deterministic.
struct BipartiteFlow: Sendable {
    let rowCount: Int
    let columnCount: Int
    let rowDemand: [Int]
    let columnCapacity: [Int]
    /// Row-major: whether each edge may be used.
    let allowed: [Bool]
    /// Row-major edge costs; entries of edges that are not allowed are ignored.
    let cost: [FlowCost]

    /// The edges of a minimum-cost maximum flow, row-major.
    func solve() -> [Bool] {
        let search = ShortestPathSearch(self)
        while search.augmentAlongShortestPath() {}
        return search.usedEdges()
    }
}

/// The residual graph of a `BipartiteFlow` and the state of its shortest-path searches, in
/// buffers owned by this object (freed in `deinit`) so that the inner loops run without
/// reference counting or bounds checks. Nodes are numbered rows first, then columns, then the
/// sink; the source stays implicit.
private final class ShortestPathSearch {
    private static let unreached: UInt8 = 0
    private static let queued: UInt8 = 1
    private static let settled: UInt8 = 2

    private let rows: Int
    private let columns: Int
    private let sink: Int
    private let nodeCount: Int

    private let allowed: UnsafeMutablePointer<Bool>
    private let cost: UnsafeMutablePointer<FlowCost>
    private let used: UnsafeMutablePointer<Bool>
    private let rowDemand: UnsafeMutablePointer<Int>
    private let rowFlow: UnsafeMutablePointer<Int>
    private let columnCapacity: UnsafeMutablePointer<Int>
    private let columnFlow: UnsafeMutablePointer<Int>
    /// The rows matched with each column (the reverse arcs): `columnFlow[c]` entries from
    /// `columnSlotStart[c]`, room for `columnCapacity[c]`.
    private let columnSlotStart: UnsafeMutablePointer<Int>
    private let columnRows: UnsafeMutablePointer<Int>
    private let slotCount: Int

    /// For each column, its cheapest unused edge from a row that still needs edges, and that
    /// row (-1 if none). Rows needing edges have potential and distance zero, so this is the
    /// whole first step of every search.
    private let cheapestFreeCost: UnsafeMutablePointer<FlowCost>
    private let cheapestFreeRow: UnsafeMutablePointer<Int>

    private let potential: UnsafeMutablePointer<FlowCost>
    private let distance: UnsafeMutablePointer<FlowCost>
    private let label: UnsafeMutablePointer<UInt8>
    /// For a column or the sink: the node it was reached from. For a row: the column it was
    /// reached from, or -1 when reached straight from the source.
    private let predecessor: UnsafeMutablePointer<Int>
    /// Binary heap of queued nodes ordered by (distance, index), with each node's position.
    private let heap: UnsafeMutablePointer<Int>
    private let heapPosition: UnsafeMutablePointer<Int>
    private var heapCount = 0

    init(_ flow: BipartiteFlow) {
        rows = flow.rowCount
        columns = flow.columnCount
        sink = rows + columns
        nodeCount = rows + columns + 1
        let cells = rows * columns

        allowed = .allocate(capacity: max(1, cells))
        allowed.initialize(from: flow.allowed, count: cells)
        cost = .allocate(capacity: max(1, cells))
        cost.initialize(from: flow.cost, count: cells)
        used = .allocate(capacity: max(1, cells))
        used.initialize(repeating: false, count: cells)
        rowDemand = .allocate(capacity: max(1, rows))
        rowDemand.initialize(from: flow.rowDemand, count: rows)
        rowFlow = .allocate(capacity: max(1, rows))
        rowFlow.initialize(repeating: 0, count: rows)
        columnCapacity = .allocate(capacity: max(1, columns))
        columnCapacity.initialize(from: flow.columnCapacity.map { max(0, $0) }, count: columns)
        columnFlow = .allocate(capacity: max(1, columns))
        columnFlow.initialize(repeating: 0, count: columns)
        columnSlotStart = .allocate(capacity: max(1, columns))
        var slots = 0
        for c in 0..<columns {
            columnSlotStart[c] = slots
            // A column can never hold more rows than there are.
            slots += min(columnCapacity[c], rows)
        }
        slotCount = slots
        columnRows = .allocate(capacity: max(1, slots))
        columnRows.initialize(repeating: 0, count: slots)

        cheapestFreeCost = .allocate(capacity: max(1, columns))
        cheapestFreeCost.initialize(repeating: .zero, count: columns)
        cheapestFreeRow = .allocate(capacity: max(1, columns))
        cheapestFreeRow.initialize(repeating: -1, count: columns)
        potential = .allocate(capacity: nodeCount)
        potential.initialize(repeating: .zero, count: nodeCount)
        distance = .allocate(capacity: nodeCount)
        distance.initialize(repeating: .zero, count: nodeCount)
        label = .allocate(capacity: nodeCount)
        label.initialize(repeating: Self.unreached, count: nodeCount)
        predecessor = .allocate(capacity: nodeCount)
        predecessor.initialize(repeating: -1, count: nodeCount)
        heap = .allocate(capacity: nodeCount)
        heap.initialize(repeating: 0, count: nodeCount)
        heapPosition = .allocate(capacity: nodeCount)
        heapPosition.initialize(repeating: -1, count: nodeCount)

        // Initial potentials are shortest distances from the source in the empty residual
        // graph: 0 for rows, the cheapest incoming edge for columns, the cheapest column for
        // the sink. They make every reduced cost non-negative.
        var sinkPotential: FlowCost?
        for c in 0..<columns {
            var cheapest: FlowCost?
            for r in 0..<rows where allowed[r * columns + c] {
                let edge = cost[r * columns + c]
                if cheapest.map({ edge < $0 }) ?? true { cheapest = edge }
            }
            potential[rows + c] = cheapest ?? .zero
            if columnCapacity[c] > 0, let cheapest, sinkPotential.map({ cheapest < $0 }) ?? true {
                sinkPotential = cheapest
            }
        }
        potential[sink] = sinkPotential ?? .zero
        for c in 0..<columns { findCheapestFreeEdge(c) }
    }

    deinit {
        for buffer in [allowed, used] as [UnsafeMutablePointer<Bool>] { buffer.deallocate() }
        cost.deallocate()
        for buffer in [
            rowDemand, rowFlow, columnCapacity, columnFlow, columnSlotStart, columnRows,
            predecessor, heap, heapPosition, cheapestFreeRow,
        ] as [UnsafeMutablePointer<Int>] {
            buffer.deallocate()
        }
        potential.deallocate()
        distance.deallocate()
        cheapestFreeCost.deallocate()
        label.deallocate()
    }

    func usedEdges() -> [Bool] {
        Array(UnsafeBufferPointer(start: used, count: rows * columns))
    }

    /// Finds a cheapest path from the source to the sink and moves one unit of flow along it;
    /// `false` when there is none, that is when the flow is maximum.
    func augmentAlongShortestPath() -> Bool {
        for node in 0..<nodeCount {
            label[node] = Self.unreached
            predecessor[node] = -1
        }
        heapCount = 0
        // Rows that need edges are settled at distance zero; their scans are the columns'
        // cheapest free edges.
        for r in 0..<rows where rowFlow[r] < rowDemand[r] {
            label[r] = Self.settled
            distance[r] = .zero
        }
        for c in 0..<columns where cheapestFreeRow[c] >= 0 {
            reach(rows + c, at: cheapestFreeCost[c] - potential[rows + c], from: cheapestFreeRow[c])
        }

        while heapCount > 0 {
            let next = popMinimum()
            label[next] = Self.settled
            if next == sink { break }
            let base = distance[next] + potential[next]
            if next < rows {
                let rowStart = next * columns
                for c in 0..<columns where allowed[rowStart + c] && !used[rowStart + c] {
                    let node = rows + c
                    if label[node] != Self.settled {
                        reach(node, at: base + cost[rowStart + c] - potential[node], from: next)
                    }
                }
            } else {
                let c = next - rows
                let start = columnSlotStart[c]
                for slot in start..<(start + columnFlow[c]) {
                    let r = columnRows[slot]
                    if label[r] != Self.settled {
                        reach(r, at: base - cost[r * columns + c] - potential[r], from: next)
                    }
                }
                if columnFlow[c] < columnCapacity[c] {
                    reach(sink, at: base - potential[sink], from: next)
                }
            }
        }
        guard label[sink] == Self.settled else { return false }

        // Potentials grow by the distance, capped at the sink's distance for nodes that were
        // not settled: reduced costs stay non-negative.
        let sinkDistance = distance[sink]
        for node in 0..<nodeCount {
            potential[node] =
                potential[node] + (label[node] == Self.settled ? distance[node] : sinkDistance)
        }

        var path: [Int] = []
        var node = predecessor[sink]
        while node >= 0 {
            path.append(node)
            node = predecessor[node]
        }
        augment(along: path.reversed())
        return true
    }

    /// Moves one unit of flow along `path`: a free row, then alternately a column and the row
    /// it is matched with, ending with a column that has room.
    private func augment(along path: some Collection<Int>) {
        let nodes = Array(path)
        // Rows leave their old columns first, so that no column overflows its slots.
        for index in stride(from: 2, to: nodes.count, by: 2) {
            let r = nodes[index]
            let c = nodes[index - 1] - rows
            used[r * columns + c] = false
            let start = columnSlotStart[c]
            let end = start + columnFlow[c]
            for slot in start..<end where columnRows[slot] == r {
                columnRows[slot] = columnRows[end - 1]
                break
            }
            columnFlow[c] -= 1
        }
        for index in stride(from: 0, to: nodes.count - 1, by: 2) {
            let r = nodes[index]
            let c = nodes[index + 1] - rows
            used[r * columns + c] = true
            columnRows[columnSlotStart[c] + columnFlow[c]] = r
            columnFlow[c] += 1
        }
        let start = nodes[0]
        rowFlow[start] += 1

        for index in stride(from: 1, to: nodes.count, by: 2) {
            findCheapestFreeEdge(nodes[index] - rows)
        }
        if rowFlow[start] == rowDemand[start] {
            for c in 0..<columns where cheapestFreeRow[c] == start {
                findCheapestFreeEdge(c)
            }
        }
    }

    /// Recomputes column `c`'s cheapest unused edge from a row that still needs edges; ties go
    /// to the lower row, as a search scanning rows in order would give.
    private func findCheapestFreeEdge(_ c: Int) {
        var bestRow = -1
        var best = FlowCost.zero
        for r in 0..<rows where rowFlow[r] < rowDemand[r] {
            let cell = r * columns + c
            guard allowed[cell], !used[cell] else { continue }
            if bestRow < 0 || cost[cell] < best {
                best = cost[cell]
                bestRow = r
            }
        }
        cheapestFreeRow[c] = bestRow
        cheapestFreeCost[c] = best
    }

    @inline(__always)
    private func reach(_ node: Int, at candidate: FlowCost, from origin: Int) {
        if label[node] == Self.unreached {
            distance[node] = candidate
            predecessor[node] = origin
            label[node] = Self.queued
            heap[heapCount] = node
            heapPosition[node] = heapCount
            heapCount += 1
            siftUp(heapCount - 1)
        } else if candidate < distance[node] {
            distance[node] = candidate
            predecessor[node] = origin
            siftUp(heapPosition[node])
        }
    }

    @inline(__always)
    private func precedes(_ a: Int, _ b: Int) -> Bool {
        let da = distance[a]
        let db = distance[b]
        return da < db || (!(db < da) && a < b)
    }

    private func popMinimum() -> Int {
        let top = heap[0]
        heapCount -= 1
        if heapCount > 0 {
            heap[0] = heap[heapCount]
            heapPosition[heap[0]] = 0
            siftDown(0)
        }
        return top
    }

    private func siftUp(_ start: Int) {
        var index = start
        let node = heap[index]
        while index > 0 {
            let parent = (index - 1) / 2
            guard precedes(node, heap[parent]) else { break }
            heap[index] = heap[parent]
            heapPosition[heap[index]] = index
            index = parent
        }
        heap[index] = node
        heapPosition[node] = index
    }

    private func siftDown(_ start: Int) {
        var index = start
        let node = heap[index]
        while true {
            var child = 2 * index + 1
            guard child < heapCount else { break }
            if child + 1 < heapCount && precedes(heap[child + 1], heap[child]) {
                child += 1
            }
            guard precedes(heap[child], node) else { break }
            heap[index] = heap[child]
            heapPosition[heap[index]] = index
            index = child
        }
        heap[index] = node
        heapPosition[node] = index
    }
}
