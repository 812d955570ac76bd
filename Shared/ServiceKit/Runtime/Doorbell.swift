import Synchronization

/// Wakes loops that wait for work: `ring()` from anywhere wakes one waiting loop, the one that
/// has waited longest; `ringAll()` wakes every one. A ring while nobody waits is kept for the
/// next wait. Several loops can share one doorbell, so that a little work wakes one of them,
/// not all.
final class Doorbell: Sendable {
    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var rung = false
        /// Oldest first.
        var waiters: [Waiter] = []
        var nextID: UInt64 = 0
    }

    private let state = Mutex(State())

    /// How many loops wait right now.
    var waiting: Int { state.withLock { $0.waiters.count } }

    /// Wakes the loop that has waited longest, or keeps the ring for the next wait.
    func ring() {
        let waiter = state.withLock { state -> Waiter? in
            guard !state.waiters.isEmpty else {
                state.rung = true
                return nil
            }
            return state.waiters.removeFirst()
        }
        waiter?.continuation.resume()
    }

    /// Wakes every waiting loop, and keeps a ring for the next wait.
    func ringAll() {
        let waiters = state.withLock { state -> [Waiter] in
            state.rung = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.continuation.resume() }
    }

    /// Returns when rung, when `timeout` has passed, or when the task is cancelled.
    func wait(timeout: Duration) async {
        if takeRing() { return }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: timeout) }
            group.addTask { await self.waitForRing() }
            await group.next()
            group.cancelAll()
        }
    }

    private func takeRing() -> Bool {
        state.withLock { state in
            defer { state.rung = false }
            return state.rung
        }
    }

    private func waitForRing() async {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.rung || Task.isCancelled {
                        state.rung = false
                        return true
                    }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume()
        }
    }
}
