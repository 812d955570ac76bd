import CLibPQ
import Foundation
import Logging
import Synchronization

/// One connection to PostgreSQL, owned by a thread of its own.
///
/// Usually leased from a ``PostgresClient`` with `withConnection` or `withTransaction`. Calls
/// are async: the blocking libpq work happens on the connection's thread while the calling
/// task is suspended. A connection runs one statement at a time.
public final class PostgresConnection: Sendable {
    private let thread: OwnerThread
    private let handle: LibPQConnection
    private let state: Mutex<State>
    let logger: Logger

    private struct State {
        var closed = false
        var broken = false
        /// A transaction was begun and no statement has run in it yet: `BEGIN` goes to the
        /// server with the first one, in the same round trip.
        var beginPending = false
        /// Inside `withTransaction`: statements whose rows are not needed wait in `pipelined`.
        var inTransaction = false
        /// Statements that go to the server with the transaction's next one, or with its
        /// `COMMIT`, in the same round trip (see ``pipeline(_:)``).
        var pipelined: [EncodedStatement] = []
    }

    private init(thread: OwnerThread, handle: LibPQConnection, logger: Logger) {
        self.thread = thread
        self.handle = handle
        self.logger = logger
        self.state = Mutex(State())
    }

    /// Opens a connection. Fails with a ``PostgresError`` whose description says what to fix
    /// (wrong password, unknown database, server unreachable...).
    public static func connect(configuration: PostgresConfiguration, logger: Logger) async throws -> PostgresConnection {
        let thread = OwnerThread(name: "postgres \(configuration.safeDescription)")
        do {
            let handle = try await thread.perform { try LibPQConnection.open(configuration: configuration, logger: logger) }
            return PostgresConnection(thread: thread, handle: handle, logger: logger)
        } catch {
            thread.stop()
            throw error
        }
    }

    /// The connection's thread as a task executor: a task preferring it runs statements
    /// without a thread hand-off.
    public var executor: any TaskExecutor { thread }

    /// Whether the connection was closed, or broke in a way that needs a new session.
    public var isBroken: Bool { state.withLock { $0.closed || $0.broken } }

    /// Runs a statement and returns its rows (for statements without rows, `affectedRows`).
    /// Statements waiting in the pipeline (``pipeline(_:)``) go first, in the same round trip;
    /// if one of them fails, its error is thrown and this statement does not run.
    @discardableResult
    public func query(_ query: PostgresQuery) async throws -> PostgresRows {
        let statement = try EncodedStatement(query)
        let (begin, waiting) = takePending()
        return try await run { handle in try handle.execute(statement, after: waiting, beginningTransaction: begin) }
    }

    /// Runs a statement whose rows are not needed, without a round trip of its own: inside
    /// `withTransaction`, it waits and goes to the server with the transaction's next
    /// statement, or with its `COMMIT`. An error it causes is thrown by that call (by
    /// `withTransaction` itself when the `COMMIT` carries it), and the transaction keeps
    /// nothing. Outside a transaction, it runs at once.
    public func pipeline(_ query: PostgresQuery) async throws {
        let statement = try EncodedStatement(query)
        let waits = state.withLock { state in
            guard state.inTransaction else { return false }
            state.pipelined.append(statement)
            return true
        }
        if !waits {
            _ = try await run { handle in try handle.execute(statement) }
        }
    }

    /// Whether `BEGIN` still waits to be sent, and the statements waiting in the pipeline;
    /// both are the caller's to send from here on.
    private func takePending() -> (begin: Bool, pipelined: [EncodedStatement]) {
        state.withLock { state in
            defer {
                state.beginPending = false
                state.pipelined = []
            }
            return (state.beginPending, state.pipelined)
        }
    }

    /// Runs a script of several statements separated by semicolons, without parameters, e.g. a
    /// migration. The text goes to the server as it is.
    public func executeScript(unsafeSQL sql: String) async throws {
        let (begin, waiting) = takePending()
        try await run { handle in
            try Self.send(begin: begin, waiting, on: handle)
            try handle.executeScript(sql)
        }
    }

    /// Sends a pending `BEGIN` and the statements waiting in the pipeline, ahead of a call
    /// that cannot carry them.
    private static func send(begin: Bool, _ waiting: [EncodedStatement], on handle: LibPQConnection) throws {
        if !waiting.isEmpty {
            _ = try handle.execute(pipelined: waiting, beginningTransaction: begin, committing: false)
        } else if begin {
            try handle.executeScript("BEGIN")
        }
    }

    /// Writes many rows at once through `COPY ... FROM STDIN` and returns how many were written.
    ///
    /// Each row holds one value per column, in column order; `nil` optionals become NULL. The
    /// rows are encoded on the connection's thread as they are sent; a row that cannot be
    /// encoded (or has the wrong number of values) aborts the COPY and nothing is written.
    @discardableResult
    public func copy<Rows: Sequence<[any PostgresEncodable]> & Sendable>(
        into table: String, columns: [String], rows: Rows
    ) async throws -> Int {
        func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let target = table.split(separator: ".").map { quoted(String($0)) }.joined(separator: ".")
        let sql = "COPY \(target) (\(columns.map(quoted).joined(separator: ", "))) FROM STDIN"
        let columnCount = columns.count
        let (begin, waiting) = takePending()
        return try await run { handle in
            try Self.send(begin: begin, waiting, on: handle)
            return try handle.copy(sql: sql, columnCount: columnCount, rows: rows)
        }
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    @discardableResult
    public func withTransaction<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        // BEGIN waits for the first statement and goes with it (see `State.beginPending`).
        state.withLock { state in
            state.beginPending = true
            state.inTransaction = true
            state.pipelined = []
        }
        defer { state.withLock { $0.inTransaction = false } }
        let result: Result
        do {
            result = try await body(self)
        } catch {
            // If nothing was sent, there is no transaction to roll back. What waited in the
            // pipeline is dropped either way.
            if takePending().begin { throw error }
            await rollback()
            throw error
        }
        let (begin, waiting) = takePending()
        if waiting.isEmpty {
            if begin { return result }
            try await query("COMMIT")
            return result
        }
        do {
            _ = try await run { handle in try handle.execute(pipelined: waiting, beginningTransaction: begin, committing: true) }
        } catch {
            // A statement that failed before the COMMIT left the transaction open, aborted.
            await rollback()
            throw error
        }
        return result
    }

    private func rollback() async {
        guard !isBroken else { return }
        do { try await query("ROLLBACK") } catch { logger.debug("ROLLBACK failed", metadata: ["error": "\(error)"]) }
    }

    /// Closes the session and ends the connection's thread.
    public func close() async {
        let alreadyClosed = state.withLock { state in
            defer { state.closed = true }
            return state.closed
        }
        guard !alreadyClosed else { return }
        _ = try? await thread.perform { [handle] in handle.close() }
        thread.stop()
    }

    /// Runs `body` on the owner thread, cancelling the statement on the server if the calling
    /// task is cancelled, and records whether the connection survived.
    private func run<Value: Sendable>(_ body: @escaping @Sendable (LibPQConnection) throws -> Value) async throws -> Value {
        if state.withLock({ $0.closed }) {
            throw PostgresError(code: .connectionException, message: "the connection is closed")
        }
        let handle = self.handle
        return try await withTaskCancellationHandler {
            do {
                let value = try await thread.perform { try body(handle) }
                return value
            } catch let error as PostgresError {
                if error.meansServerUnreachable {
                    let usable = try? await thread.perform { handle.isUsable }
                    if usable != true { state.withLock { $0.broken = true } }
                }
                throw error
            }
        } onCancel: {
            handle.cancelCurrentStatement()
        }
    }
}

/// A C pointer carried across an isolation boundary; only its owner thread dereferences it.
struct UncheckedPointer: @unchecked Sendable {
    let pointer: OpaquePointer?
    init(_ pointer: OpaquePointer?) { self.pointer = pointer }
}
