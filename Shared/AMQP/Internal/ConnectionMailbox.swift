import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where tasks leave requests for a connection's thread, and what they can read of its state.
///
/// The thread sleeps in `poll` on the broker's socket and on a pipe; a task that posts a
/// request while it sleeps writes one byte to the pipe to wake it. Posting to a busy thread
/// costs only the lock.
final class ConnectionMailbox: Sendable {
    private struct State {
        var requests: [ConnectionRequest] = []
        var ownerSleeping = false
        var finished: AMQPError? = nil
        var connectionState: AMQPConnectionState = .connecting
        var blocked = false
        var closeWaiters: [CheckedContinuation<Result<Void, AMQPError>, Never>] = []
        var lastID: UInt64 = 0
    }

    private let state = Mutex(State())
    /// The end of the wake-up pipe the connection's thread polls.
    let wakeReadFD: Int32
    private let wakeWriteFD: Int32

    init() throws(AMQPError) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            throw AMQPError(
                .protocolError, "cannot create the wake-up pipe of an AMQP connection: \(String(cString: strerror(errno)))",
                call: "pipe")
        }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        wakeReadFD = fds[0]
        wakeWriteFD = fds[1]
    }

    deinit {
        close(wakeReadFD)
        close(wakeWriteFD)
    }

    /// Hands a request to the connection's thread; after the thread ended, fails it at once.
    func post(_ request: ConnectionRequest) {
        enum Outcome {
            case queued(wake: Bool)
            case refused(AMQPError)
        }
        let outcome = state.withLock { state -> Outcome in
            if let finished = state.finished {
                return .refused(finished)
            }
            state.requests.append(request)
            if state.ownerSleeping {
                state.ownerSleeping = false
                return .queued(wake: true)
            }
            return .queued(wake: false)
        }
        switch outcome {
        case .queued(let wake):
            if wake {
                var byte: UInt8 = 1
                _ = write(wakeWriteFD, &byte, 1)
            }
        case .refused(let error):
            request.fail(error)
        }
    }

    /// The requests posted since the last call (connection's thread).
    func takeRequests() -> [ConnectionRequest] {
        state.withLock { state in
            guard !state.requests.isEmpty else { return [] }
            defer { state.requests.removeAll(keepingCapacity: true) }
            return state.requests
        }
    }

    /// Marks the thread as about to sleep; false if requests arrived meanwhile (then it must not).
    func prepareToSleep() -> Bool {
        state.withLock { state in
            guard state.requests.isEmpty else { return false }
            state.ownerSleeping = true
            return true
        }
    }

    /// Marks the thread awake and empties the wake-up pipe.
    func wokeUp() {
        state.withLock { $0.ownerSleeping = false }
        var buffer = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        while withUnsafeMutableBytes(of: &buffer, { read(wakeReadFD, $0.baseAddress, $0.count) }) > 0 {}
    }

    /// A fresh identifier for a publisher or consumer.
    func nextID() -> UInt64 {
        state.withLock { state in
            state.lastID += 1
            return state.lastID
        }
    }

    var connectionState: AMQPConnectionState {
        state.withLock { $0.connectionState }
    }

    func setConnectionState(_ connectionState: AMQPConnectionState) {
        state.withLock { $0.connectionState = connectionState }
    }

    var isBlocked: Bool { state.withLock { $0.blocked } }

    func setBlocked(_ blocked: Bool) {
        state.withLock { $0.blocked = blocked }
    }

    /// Ends the mailbox when the thread stops: later requests fail with `error`; returns the
    /// requests nobody took, for the thread to fail.
    func finish(_ finalState: AMQPConnectionState, error: AMQPError) -> [ConnectionRequest] {
        let (requests, waiters) = state.withLock { state in
            state.finished = error
            state.connectionState = finalState
            defer {
                state.requests.removeAll()
                state.closeWaiters.removeAll()
            }
            return (state.requests, state.closeWaiters)
        }
        let outcome: Result<Void, AMQPError> = if case .failed(let failure) = finalState { .failure(failure) } else { .success(()) }
        for waiter in waiters {
            waiter.resume(returning: outcome)
        }
        return requests
    }

    /// Waits until the thread stops: returns after a close, throws when the connection failed.
    func waitUntilFinished() async throws(AMQPError) {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<Void, AMQPError>, Never>) in
            let immediate: Result<Void, AMQPError>? = state.withLock { state in
                guard state.finished != nil else {
                    state.closeWaiters.append(continuation)
                    return nil
                }
                if case .failed(let failure) = state.connectionState { return .failure(failure) }
                return .success(())
            }
            if let immediate {
                continuation.resume(returning: immediate)
            }
        }
        try result.get()
    }
}
