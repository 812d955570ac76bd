import Foundation

/// The threads that own the libcurl handles: every blocking SMTP exchange runs on one of them,
/// never on Swift's cooperative thread pool. Each thread owns one handle (and so one connection
/// to the relay) for its whole life; jobs wait in one queue and go to whichever thread is free,
/// so at most as many messages are in flight as there are threads.
final class MailThreads<Handle: Sendable>: @unchecked Sendable {
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var jobs: [@Sendable (Handle) -> Void] = []
    private var next = 0
    private var stopping = false

    /// One thread for each of `handles`; `onExit` runs on a thread when it ends, after the last
    /// job, with its handle.
    init(name: String, handles: [Handle], onExit: @escaping @Sendable (Handle) -> Void) {
        for (index, handle) in handles.enumerated() {
            let thread = Thread { [self] in
                loop(handle)
                onExit(handle)
            }
            thread.name = "\(name) #\(index + 1)"
            thread.start()
        }
    }

    /// Runs `body` on the first free thread, with its handle, and returns its result.
    func perform<Value: Sendable>(_ body: @escaping @Sendable (Handle) throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            condition.lock()
            jobs.append { handle in continuation.resume(with: Result(catching: { try body(handle) })) }
            condition.signal()
            condition.unlock()
        }
    }

    /// Lets the threads end once the jobs already queued have run.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    private func loop(_ handle: Handle) {
        while true {
            condition.lock()
            while next == jobs.count && !stopping { condition.wait() }
            guard next < jobs.count else {
                condition.unlock()
                return
            }
            let job = jobs[next]
            next += 1
            // Taken jobs are dropped when the queue empties, or once they are most of it, so
            // that it holds little more than the jobs waiting.
            if next == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                next = 0
            } else if next >= 1024 && next * 2 >= jobs.count {
                jobs.removeFirst(next)
                next = 0
            }
            condition.unlock()
            job(handle)
        }
    }
}
