import Logging
import Synchronization

/// A bounded pool of PostgreSQL connections.
///
/// Connections open on demand, up to `maximumConnections`; tasks beyond that wait their turn
/// in order. A connection that broke (server restart, network) is closed when it comes back
/// and a new one opens for the next task; an idle connection the server closed is reopened
/// before use. Call ``shutdown()`` when done.
public final class PostgresClient: Sendable {
    /// What the pool holds right now, and the most it ever held at once.
    public struct Statistics: Sendable, Equatable {
        public var openConnections: Int
        public var idleConnections: Int
        public var leasedConnections: Int
        public var waitingTasks: Int
        public var peakOpenConnections: Int
    }

    /// The pool was shut down.
    public struct ShutDown: Error, CustomStringConvertible {
        public var description: String { "the PostgreSQL connection pool is shut down" }
    }

    public let configuration: PostgresConfiguration
    let logger: Logger
    private let state = Mutex(State())

    private enum Lease {
        case connection(PostgresConnection)
        /// The waiter may open a connection of its own: a slot was freed by a broken one.
        case open
    }

    private struct State {
        var idle: [PostgresConnection] = []
        var open = 0
        var leased = 0
        var peak = 0
        var waiters: [(id: Int, continuation: CheckedContinuation<Lease, Error>)] = []
        var nextWaiterID = 0
        var shutDown = false
    }

    public init(configuration: PostgresConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    public var statistics: Statistics {
        state.withLock { state in
            Statistics(
                openConnections: state.open, idleConnections: state.idle.count, leasedConnections: state.leased,
                waitingTasks: state.waiters.count, peakOpenConnections: state.peak)
        }
    }

    /// Leases a connection for the duration of `body`.
    @discardableResult
    public func withConnection<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let connection = try await acquire()
        do {
            // The body runs on the connection's own thread, so its statements call libpq there
            // directly instead of handing each one over and back.
            let result = try await withTaskExecutorPreference(connection.executor, isolation: isolation) {
                try await body(connection)
            }
            await release(connection)
            return result
        } catch {
            await release(connection)
            throw error
        }
    }

    /// Runs `body` in a transaction on a leased connection: committed when it returns, rolled
    /// back when it throws.
    @discardableResult
    public func withTransaction<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await withConnection { connection in
            try await connection.withTransaction { try await body($0) }
        }
    }

    /// Runs one statement on a leased connection.
    @discardableResult
    public func query(_ query: PostgresQuery) async throws -> PostgresRows {
        try await withConnection { try await $0.query(query) }
    }

    /// Closes every connection and fails the tasks still waiting; connections in use close
    /// when they come back.
    public func shutdown() async {
        let (idle, waiters) = state.withLock { state in
            state.shutDown = true
            defer {
                state.open -= state.idle.count
                state.idle = []
                state.waiters = []
            }
            return (state.idle, state.waiters)
        }
        for waiter in waiters { waiter.continuation.resume(throwing: ShutDown()) }
        for connection in idle { await connection.close() }
    }

    private func acquire() async throws -> PostgresConnection {
        let waiterID = state.withLock { state in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        let lease = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Lease, Error>) in
                let immediate: Result<Lease, Error>? = state.withLock { state in
                    if state.shutDown { return .failure(ShutDown()) }
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if let connection = state.idle.popLast() {
                        state.leased += 1
                        return .success(.connection(connection))
                    }
                    if state.open < configuration.maximumConnections {
                        state.open += 1
                        state.leased += 1
                        state.peak = max(state.peak, state.open)
                        return .success(.open)
                    }
                    state.waiters.append((waiterID, continuation))
                    return nil
                }
                if let immediate { continuation.resume(with: immediate) }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                state.waiters.firstIndex { $0.id == waiterID }.map { state.waiters.remove(at: $0) }
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
        switch lease {
        case .connection(let connection):
            return connection
        case .open:
            do {
                return try await PostgresConnection.connect(configuration: configuration, logger: logger)
            } catch {
                // Give the slot back; a waiter, if any, tries to open one itself.
                let waiter = state.withLock { state -> CheckedContinuation<Lease, Error>? in
                    state.leased -= 1
                    if !state.waiters.isEmpty, !state.shutDown {
                        state.leased += 1
                        return state.waiters.removeFirst().continuation
                    }
                    state.open -= 1
                    return nil
                }
                waiter?.resume(returning: .open)
                throw error
            }
        }
    }

    private func release(_ connection: PostgresConnection) async {
        let broken = connection.isBroken
        enum Next {
            case keep
            case handOver(CheckedContinuation<Lease, Error>)
            case close(thenOpenFor: CheckedContinuation<Lease, Error>?)
        }
        let next = state.withLock { state -> Next in
            if broken || state.shutDown {
                if let waiter = state.waiters.first, !state.shutDown {
                    state.waiters.removeFirst()
                    return .close(thenOpenFor: waiter.continuation)
                }
                state.leased -= 1
                state.open -= 1
                return .close(thenOpenFor: nil)
            }
            if let waiter = state.waiters.first {
                state.waiters.removeFirst()
                return .handOver(waiter.continuation)
            }
            state.leased -= 1
            state.idle.append(connection)
            return .keep
        }
        switch next {
        case .keep:
            break
        case .handOver(let waiter):
            waiter.resume(returning: .connection(connection))
        case .close(let waiter):
            if broken { logger.debug("dropping a broken PostgreSQL connection") }
            waiter?.resume(returning: .open)
            await connection.close()
        }
    }
}
