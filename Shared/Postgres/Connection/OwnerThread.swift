import Foundation

/// A thread that owns one C connection: every call into libpq for that connection runs here,
/// one at a time, so that blocking calls never occupy Swift's cooperative thread pool.
///
/// It is also a `TaskExecutor`. A task that leases the connection runs with this executor as
/// its preference, so its statements call libpq directly on this thread instead of handing
/// each one over and back (two thread wake-ups per statement otherwise).
final class OwnerThread: TaskExecutor, @unchecked Sendable {
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var jobs: [() -> Void] = []
    private var stopping = false
    private var finished = false
    /// The running thread's id, nil before it starts and after it ends.
    private var threadID: pthread_t?

    init(name: String) {
        let thread = Thread { [self] in loop() }
        thread.name = name
        thread.start()
    }

    /// Whether the caller runs on this thread.
    var isCurrent: Bool {
        condition.lock()
        defer { condition.unlock() }
        return threadID.map { pthread_equal($0, pthread_self()) != 0 } ?? false
    }

    /// Runs `body` on the owner thread and returns its result: directly when the caller is
    /// already there, otherwise by handing it over and suspending until it is done.
    func perform<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        if isCurrent { return try body() }
        return try await withCheckedThrowingContinuation { continuation in
            submit { continuation.resume(with: Result(catching: body)) }
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        submit { [self] in job.runSynchronously(on: asUnownedTaskExecutor()) }
    }

    /// Queues a job. Jobs submitted after ``stop()`` still run: before the thread ends, or on a
    /// thread of their own if it already has.
    func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        if finished {
            condition.unlock()
            Thread.detachNewThread(job)
            return
        }
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Lets the thread end once its queue is empty.
    func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    private func loop() {
        condition.lock()
        threadID = pthread_self()
        condition.unlock()
        while true {
            condition.lock()
            while jobs.isEmpty && !stopping { condition.wait() }
            if jobs.isEmpty {
                finished = true
                threadID = nil
                condition.unlock()
                return
            }
            let batch = jobs
            jobs.removeAll(keepingCapacity: true)
            condition.unlock()
            for job in batch { job() }
        }
    }
}
