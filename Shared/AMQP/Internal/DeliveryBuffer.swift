import Synchronization

/// The deliveries of one consumer between the connection's thread, which appends them in
/// batches, and the tasks iterating the consumer, which take them one at a time. Its size is
/// bounded by the consumer's prefetch: the broker sends no more than that unacknowledged.
final class DeliveryBuffer: Sendable {
    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Result<AMQPDelivery?, AMQPError>, Never>
    }

    private struct State {
        var items: [AMQPDelivery] = []
        var head = 0
        var waiters: [Waiter] = []
        var nextWaiterID: UInt64 = 0
        /// Set once the sequence ends: nil error for a normal end.
        var end: AMQPError?? = nil

        mutating func popFirst() -> AMQPDelivery? {
            guard head < items.count else { return nil }
            let delivery = items[head]
            head += 1
            if head == items.count {
                items.removeAll(keepingCapacity: true)
                head = 0
            }
            return delivery
        }
    }

    private let state = Mutex(State())

    /// Appends deliveries (on the connection's thread), handing them straight to waiting tasks.
    func append(_ deliveries: [AMQPDelivery]) {
        var handOff: [(Waiter, AMQPDelivery)] = []
        state.withLock { state in
            guard state.end == nil else { return }
            var next = deliveries.startIndex
            while next < deliveries.endIndex, !state.waiters.isEmpty {
                handOff.append((state.waiters.removeFirst(), deliveries[next]))
                next += 1
            }
            if next < deliveries.endIndex {
                state.items.append(contentsOf: deliveries[next...])
            }
        }
        for (waiter, delivery) in handOff {
            waiter.continuation.resume(returning: .success(delivery))
        }
    }

    /// Ends the sequence: with an error, or normally for nil. Returns the deliveries nobody
    /// took, which are still unacknowledged.
    @discardableResult
    func finish(_ error: AMQPError?) -> [AMQPDelivery] {
        let (waiters, untaken) = state.withLock { state -> ([Waiter], [AMQPDelivery]) in
            guard state.end == nil else { return ([], []) }
            state.end = .some(error)
            let untaken = Array(state.items[state.head...])
            state.items.removeAll()
            state.head = 0
            defer { state.waiters.removeAll() }
            return (state.waiters, untaken)
        }
        for waiter in waiters {
            waiter.continuation.resume(returning: error.map { .failure($0) } ?? .success(nil))
        }
        return untaken
    }

    /// Up to `maximum` deliveries that are already here, without waiting.
    func takeAvailable(maximum: Int) -> [AMQPDelivery] {
        state.withLock { state in
            var taken: [AMQPDelivery] = []
            while taken.count < maximum, let delivery = state.popFirst() { taken.append(delivery) }
            return taken
        }
    }

    /// The next delivery; nil when the sequence ended or the task was cancelled.
    func next() async throws(AMQPError) -> AMQPDelivery? {
        enum Immediate {
            case value(AMQPDelivery?)
            case failure(AMQPError)
        }
        let immediate: Immediate? = state.withLock { state in
            if let delivery = state.popFirst() {
                return .value(delivery)
            }
            if let end = state.end {
                return end.map { .failure($0) } ?? .value(nil)
            }
            return nil
        }
        switch immediate {
        case .value(let delivery): return delivery
        case .failure(let error): throw error
        case nil: break
        }

        let id = state.withLock { state in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<AMQPDelivery?, AMQPError>, Never>) in
                let resumeNow: Result<AMQPDelivery?, AMQPError>? = state.withLock { state in
                    if let delivery = state.popFirst() {
                        return .success(delivery)
                    }
                    if let end = state.end {
                        return end.map { .failure($0) } ?? .success(nil)
                    }
                    if Task.isCancelled {
                        return .success(nil)
                    }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return nil
                }
                if let resumeNow {
                    continuation.resume(returning: resumeNow)
                }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let position = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: position)
            }
            waiter?.continuation.resume(returning: .success(nil))
        }
        return try result.get()
    }
}
