/// Deferred acceptance with quotas on both sides (the hospitals/residents algorithm, extended to
/// many-to-many with responsive preferences).
///
/// Proposers with free places propose down their lists; each receiver holds the best
/// proposers up to its quota and rejects the rest. The result is stable and, among stable
/// matchings, the best one for the proposing side. Proposers are processed in index order and
/// ties in a receiver's keys go to the lower proposer index, so the run is deterministic.
struct DeferredAcceptance: Sendable {
    let proposerQuota: [Int]
    let receiverQuota: [Int]
    /// Each proposer's acceptable receivers, best first.
    let proposals: [[Int]]
    /// `receiverKey[q * proposerCount + p]`: how receiver `q` ranks proposer `p`, lower is
    /// better; `nil` where `q` does not accept `p`.
    let receiverKey: [Int64?]

    /// The proposers each receiver ends up holding.
    func run() -> [[Int]] {
        let proposerCount = proposerQuota.count
        var held = Array(repeating: [Int](), count: receiverQuota.count)
        var holding = Array(repeating: 0, count: proposerCount)
        var nextChoice = Array(repeating: 0, count: proposerCount)
        var queue = Array(0..<proposerCount)
        var queued = Array(repeating: true, count: proposerCount)
        var head = 0

        func precedes(_ p: Int, _ other: Int, at q: Int) -> Bool {
            guard let key = receiverKey[q * proposerCount + p],
                let otherKey = receiverKey[q * proposerCount + other]
            else { return false }
            return (key, p) < (otherKey, other)
        }

        while head < queue.count {
            let p = queue[head]
            head += 1
            queued[p] = false
            while holding[p] < proposerQuota[p] && nextChoice[p] < proposals[p].count {
                let q = proposals[p][nextChoice[p]]
                nextChoice[p] += 1
                guard receiverQuota[q] > 0, receiverKey[q * proposerCount + p] != nil else {
                    continue
                }
                if held[q].count < receiverQuota[q] {
                    held[q].append(p)
                    holding[p] += 1
                    continue
                }
                var worst = 0
                for position in held[q].indices.dropFirst()
                where precedes(held[q][worst], held[q][position], at: q) {
                    worst = position
                }
                let rejected = held[q][worst]
                guard precedes(p, rejected, at: q) else { continue }
                held[q][worst] = p
                holding[p] += 1
                holding[rejected] -= 1
                if !queued[rejected] {
                    queued[rejected] = true
                    queue.append(rejected)
                }
            }
        }
        return held.map { $0.sorted() }
    }
}
