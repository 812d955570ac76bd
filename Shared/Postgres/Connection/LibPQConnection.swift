import CLibPQ
import Foundation
import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A libpq connection. Every method must run on the connection's ``OwnerThread``; nothing
/// outside this file touches the `PGconn` pointer.
final class LibPQConnection: @unchecked Sendable {
    private var connection: OpaquePointer?
    private let configuration: PostgresConfiguration
    private let logger: Logger
    /// The transaction state after the last statement; a connection that broke while idle can
    /// be reopened without losing anything, one that broke inside a transaction cannot.
    private var transactionStatus = PQTRANS_IDLE
    /// The current session's cancel handle. `PQcancel` may be called from any thread, so this
    /// one field is shared, under its own lock.
    private let cancelHandle = Mutex(UncheckedPointer(nil))
    /// Statements prepared on this session, by SQL text and parameter types: each statement is
    /// parsed and planned once per session instead of on every execution.
    private var preparedStatements: [PreparedStatementKey: String] = [:]
    private var preparedStatementCount = 0
    /// Marks the statement in flight for the watch that gives up on a silent server; nil when
    /// the configuration sets no statement timeout.
    private let unanswered: UnansweredStatementWatch.Mark?
    /// Whether a statement is being watched already (one call may run several).
    private var watching = false
    /// Past this many, the session's prepared statements are dropped and the cache restarts.
    static let preparedStatementLimit = 256

    private init(configuration: PostgresConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        self.unanswered = configuration.answerTimeout == nil ? nil : UnansweredStatementWatch.shared.mark()
    }

    /// Opens a connection (blocking).
    static func open(configuration: PostgresConfiguration, logger: Logger) throws -> LibPQConnection {
        let handle = LibPQConnection(configuration: configuration, logger: logger)
        try handle.connect()
        return handle
    }

    var isUsable: Bool { connection.map { PQstatus($0) == CONNECTION_OK } ?? false }

    /// Asks the server to cancel the statement in flight. Safe from any thread.
    func cancelCurrentStatement() {
        cancelHandle.withLock { handle in
            guard let pointer = handle.pointer else { return }
            var buffer = [CChar](repeating: 0, count: 256)
            _ = PQcancel(pointer, &buffer, Int32(buffer.count))
        }
    }

    private func replaceCancelHandle(with pointer: OpaquePointer?) {
        cancelHandle.withLock { handle in
            if let old = handle.pointer { PQfreeCancel(old) }
            handle = UncheckedPointer(pointer)
        }
    }

    private func connect() throws {
        let connection = try Self.openSession(configuration: configuration)
        self.connection = connection
        self.transactionStatus = PQTRANS_IDLE
        self.preparedStatements = [:]
        replaceCancelHandle(with: PQgetCancel(connection))
        unanswered?.use(socket: PQsocket(connection))
    }

    /// Runs `body`, a call that waits for the server, under the watch: when the server has
    /// not answered within the configured time, the connection is shut down under it, and
    /// the failure says so.
    private func answered<Value>(_ body: () throws -> Value) throws -> Value {
        guard let unanswered, let limit = configuration.answerTimeout, !watching else { return try body() }
        watching = true
        unanswered.begin(limit: limit)
        defer { watching = false }
        do {
            let value = try body()
            if unanswered.end() { throw unansweredError(limit: limit) }
            return value
        } catch {
            if unanswered.end() { throw unansweredError(limit: limit) }
            throw error
        }
    }

    private func unansweredError(limit: Duration) -> PostgresError {
        logger.warning("PostgreSQL did not answer; connection closed", metadata: ["server": "\(configuration.safeDescription)"])
        return PostgresError(
            code: .connectionFailure,
            message: "PostgreSQL at \(configuration.safeDescription) did not answer within \(limit); the connection was closed")
    }

    /// Opens a session (blocking) with the settings the decoders rely on: UTC, ISO dates, hex
    /// bytea. Throws a ``PostgresError`` that says what to fix.
    static func openSession(configuration: PostgresConfiguration) throws -> OpaquePointer {
        var pairs = configuration.connectionKeywords
        let sessionOptions =
            "-c TimeZone=UTC -c DateStyle=ISO,YMD -c bytea_output=hex -c extra_float_digits=3"
            + (configuration.sessionOptions.map { " " + $0 } ?? "")
        if let index = pairs.firstIndex(where: { $0.0 == "options" }) {
            pairs[index].1 += " " + sessionOptions
        } else {
            pairs.append(("options", sessionOptions))
        }
        let keywords = pairs.map { strdup($0.0) }
        let values = pairs.map { strdup($0.1) }
        defer {
            for keyword in keywords { free(keyword) }
            for value in values { free(value) }
        }
        let connection = PQconnectdbParams(keywords.map { UnsafePointer($0) } + [nil], values.map { UnsafePointer($0) } + [nil], 0)
        guard let connection, PQstatus(connection) == CONNECTION_OK else {
            let message = connection.map { errorMessage($0) } ?? "out of memory"
            if let connection { PQfinish(connection) }
            throw connectError(message: message, configuration: configuration)
        }
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        return connection
    }

    func close() {
        unanswered?.use(socket: -1)
        replaceCancelHandle(with: nil)
        if let connection { PQfinish(connection) }
        connection = nil
    }

    /// Makes sure the connection can take a statement. A connection the server closed while it
    /// sat idle (a restart, `pg_terminate_backend`) is reopened; one that was inside a
    /// transaction is not, because the transaction is gone: that throws a retryable error.
    private func ensureUsable() throws -> OpaquePointer {
        if let connection, PQstatus(connection) == CONNECTION_OK, !Self.closedByServer(connection) {
            return connection
        }
        let wasIdle = transactionStatus == PQTRANS_IDLE
        close()
        guard wasIdle else {
            transactionStatus = PQTRANS_IDLE
            throw PostgresError(
                code: .connectionFailure,
                message: "the connection to \(configuration.safeDescription) was lost inside a transaction; run the transaction again")
        }
        logger.info("reopening a PostgreSQL connection the server closed", metadata: ["server": "\(configuration.safeDescription)"])
        try connect()
        guard let connection else { throw PostgresError(code: .connectionFailure, message: "the connection could not be reopened") }
        return connection
    }

    /// Whether an idle connection's socket says the server went away: unread input on an idle
    /// connection is the server's farewell (or notifications, which are consumed here).
    private static func closedByServer(_ connection: OpaquePointer) -> Bool {
        let socket = PQsocket(connection)
        guard socket >= 0 else { return true }
        for _ in 0..<2 {
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 0) > 0 else { return false }
            if PQconsumeInput(connection) == 0 || PQstatus(connection) != CONNECTION_OK { return true }
            while let notification = PQnotifies(connection) { PQfreemem(notification) }
        }
        return PQstatus(connection) != CONNECTION_OK
    }

    /// Runs one statement with its parameters and returns its rows. The statement is
    /// prepared on first use in this session and executed by name afterwards. With
    /// `beginningTransaction`, a transaction begins first, and the statements `after` which it
    /// comes run before it, all in the same round trip.
    func execute(
        _ statement: EncodedStatement, after waiting: [EncodedStatement] = [], beginningTransaction: Bool = false
    ) throws -> PostgresRows {
        try answered { try executeUnwatched(statement, after: waiting, beginningTransaction: beginningTransaction) }
    }

    private func executeUnwatched(
        _ statement: EncodedStatement, after waiting: [EncodedStatement], beginningTransaction: Bool
    ) throws -> PostgresRows {
        if beginningTransaction || !waiting.isEmpty {
            guard let rows = try execute(pipelined: waiting + [statement], beginningTransaction: beginningTransaction, committing: false)
            else {
                throw PostgresError(code: .clientFailure, message: "the statement returned no result", query: statement.sql)
            }
            return rows
        }
        let connection = try ensureUsable()
        let key = statement.preparedKey
        let name: String
        if let prepared = preparedStatements[key] {
            name = prepared
        } else {
            name = try prepare(statement, key: key, connection: connection)
        }
        do {
            return try consume(executePrepared(name, statement, connection: connection), connection: connection, statement: statement)
        } catch let error as PostgresError where Self.meansStalePlan(error) {
            // The statement's plan went stale (a table it reads changed shape) or the session
            // lost it (DEALLOCATE ALL, DISCARD). Forget it; outside a transaction, run it again.
            preparedStatements[key] = nil
            guard transactionStatus == PQTRANS_IDLE else { throw error }
            _ = deallocate(name, connection: connection)
            let name = try prepare(statement, key: key, connection: connection)
            return try consume(executePrepared(name, statement, connection: connection), connection: connection, statement: statement)
        }
    }

    private static func meansStalePlan(_ error: PostgresError) -> Bool {
        error.code == .invalidPreparedStatement || error.code == .featureNotSupported
    }

    private func executePrepared(_ name: String, _ statement: EncodedStatement, connection: OpaquePointer) -> OpaquePointer? {
        statement.withParameterPointers { values, lengths, formats in
            PQexecPrepared(connection, name, Int32(statement.types.count), values, lengths, formats, 0)
        }
    }

    /// Runs `statements` in order in one round trip through libpq's pipeline mode, after
    /// `BEGIN` when `beginningTransaction` and followed by `COMMIT` when `committing`; returns
    /// the last statement's rows (nil without statements). The statements after one that fails
    /// do not run, and its error is thrown: inside a transaction, the transaction is then
    /// aborted, and only `ROLLBACK` ends it.
    func execute(pipelined statements: [EncodedStatement], beginningTransaction: Bool, committing: Bool) throws -> PostgresRows? {
        try answered { try executeUnwatched(pipelined: statements, beginningTransaction: beginningTransaction, committing: committing) }
    }

    private func executeUnwatched(
        pipelined statements: [EncodedStatement], beginningTransaction: Bool, committing: Bool
    ) throws -> PostgresRows? {
        let connection = try ensureUsable()
        let names = try preparedNames(for: statements, connection: connection)
        let sequence = (beginningTransaction ? [Self.begin] : []) + statements + (committing ? [Self.commit] : [])
        guard PQenterPipelineMode(connection) == 1 else {
            // Not idle, so no pipeline: the same statements one round trip each.
            if beginningTransaction { _ = try consume(PQexec(connection, "BEGIN"), connection: connection, statement: Self.begin) }
            var rows: PostgresRows?
            for (statement, name) in zip(statements, names) {
                rows = try consume(executePrepared(name, statement, connection: connection), connection: connection, statement: statement)
            }
            if committing { _ = try consume(PQexec(connection, "COMMIT"), connection: connection, statement: Self.commit) }
            return rows
        }
        var sent = !beginningTransaction || PQsendQueryParams(connection, "BEGIN", 0, nil, nil, nil, nil, 0) == 1
        for (statement, name) in zip(statements, names) where sent {
            sent =
                statement.withParameterPointers { values, lengths, formats in
                    PQsendQueryPrepared(connection, name, Int32(statement.types.count), values, lengths, formats, 0)
                } == 1
        }
        if sent, committing { sent = PQsendQueryParams(connection, "COMMIT", 0, nil, nil, nil, nil, 0) == 1 }
        if sent { sent = PQpipelineSync(connection) == 1 }
        // One result per statement, in order (each followed by a null), then the sync. A
        // connection that breaks ends the list early.
        var results: [OpaquePointer] = []
        var nullsInARow = 0
        while sent {
            guard let result = PQgetResult(connection) else {
                nullsInARow += 1
                if nullsInARow > 1 || PQstatus(connection) != CONNECTION_OK { break }
                continue
            }
            nullsInARow = 0
            if PQresultStatus(result) == PGRES_PIPELINE_SYNC {
                PQclear(result)
                break
            }
            results.append(result)
        }
        _ = PQexitPipelineMode(connection)
        guard sent, results.count == sequence.count else {
            // Not one result per statement: the connection broke. An error the server sent
            // before that says why; a server shutting down adds one of its own, beyond the
            // statements' results.
            let failure = results.firstIndex { PQresultStatus($0) == PGRES_FATAL_ERROR }
            for (index, result) in results.enumerated() where index != failure { PQclear(result) }
            let last = sequence.last ?? Self.begin
            if let failure {
                _ = try consume(results[failure], connection: connection, statement: failure < sequence.count ? sequence[failure] : last)
            }
            throw error(from: nil, connection: connection, statement: last)
        }
        let lastStatement = statements.isEmpty ? nil : (beginningTransaction ? 1 : 0) + statements.count - 1
        var rows: PostgresRows?
        var firstError: Error?
        for (index, result) in results.enumerated() {
            // After a failure, the server skipped the rest (PGRES_PIPELINE_ABORTED).
            if firstError != nil || PQresultStatus(result) == PGRES_PIPELINE_ABORTED {
                PQclear(result)
                continue
            }
            let statement = sequence[index]
            do {
                let statementRows = try consume(result, connection: connection, statement: statement)
                if index == lastStatement { rows = statementRows }
            } catch {
                if let error = error as? PostgresError, Self.meansStalePlan(error) {
                    preparedStatements[statement.preparedKey] = nil
                }
                firstError = error
            }
        }
        transactionStatus = PQtransactionStatus(connection)
        if let firstError { throw firstError }
        return rows
    }

    /// The prepared statements' names for `statements`, preparing those this session has not
    /// seen yet (each in a round trip of its own, once per session).
    private func preparedNames(for statements: [EncodedStatement], connection: OpaquePointer) throws -> [String] {
        let keys = statements.map(\.preparedKey)
        let missing = Set(keys.filter { preparedStatements[$0] == nil })
        // A full cache is emptied before, not between, so that no name found here goes stale.
        if !missing.isEmpty, preparedStatements.count + missing.count > Self.preparedStatementLimit {
            try forgetPreparedStatementsIfIdle(connection: connection)
        }
        var names: [String] = []
        names.reserveCapacity(keys.count)
        for (statement, key) in zip(statements, keys) {
            if let name = preparedStatements[key] {
                names.append(name)
            } else {
                names.append(try prepare(statement, key: key, connection: connection, mayForgetOthers: false))
            }
        }
        return names
    }

    private static let begin = EncodedStatement(sql: "BEGIN")
    private static let commit = EncodedStatement(sql: "COMMIT")

    private func forgetPreparedStatementsIfIdle(connection: OpaquePointer) throws {
        guard transactionStatus == PQTRANS_IDLE else { return }
        let result = PQexec(connection, "DEALLOCATE ALL")
        _ = try consume(result, connection: connection, statement: EncodedStatement(sql: "DEALLOCATE ALL"))
        preparedStatements = [:]
    }

    private func prepare(
        _ statement: EncodedStatement, key: PreparedStatementKey, connection: OpaquePointer, mayForgetOthers: Bool = true
    ) throws -> String {
        if mayForgetOthers, preparedStatements.count >= Self.preparedStatementLimit {
            try forgetPreparedStatementsIfIdle(connection: connection)
        }
        preparedStatementCount += 1
        let name = "p2g_\(preparedStatementCount)"
        let result = statement.types.withUnsafeBufferPointer { types in
            PQprepare(connection, name, statement.sql, Int32(types.count), types.baseAddress)
        }
        _ = try consume(result, connection: connection, statement: statement)
        preparedStatements[key] = name
        return name
    }

    private func deallocate(_ name: String, connection: OpaquePointer) -> Bool {
        let result = PQexec(connection, "DEALLOCATE \"\(name)\"")
        return (try? consume(result, connection: connection, statement: EncodedStatement(sql: "DEALLOCATE"))) != nil
    }

    /// Runs a script of one or more statements through the simple protocol (no parameters).
    func executeScript(_ sql: String) throws {
        try answered {
            let connection = try ensureUsable()
            let result = PQexec(connection, sql)
            _ = try consume(result, connection: connection, statement: EncodedStatement(sql: sql))
        }
    }

    /// Runs `COPY ... FROM STDIN`, encoding the rows chunk by chunk as they are sent, so
    /// that the server stores one chunk while the next is being encoded. A row that cannot be
    /// encoded aborts the COPY: nothing is written.
    func copy<Rows: Sequence<[any PostgresEncodable]>>(sql: String, columnCount: Int, rows: Rows) throws -> Int {
        try answered { try copyUnwatched(sql: sql, columnCount: columnCount, rows: rows) }
    }

    private func copyUnwatched<Rows: Sequence<[any PostgresEncodable]>>(sql: String, columnCount: Int, rows: Rows) throws -> Int {
        let connection = try ensureUsable()
        let statement = EncodedStatement(sql: sql)
        let start = PQexec(connection, sql)
        guard let start, PQresultStatus(start) == PGRES_COPY_IN else {
            _ = try consume(start, connection: connection, statement: statement)
            throw PostgresError(code: .clientFailure, message: "the statement did not start COPY FROM STDIN", query: sql)
        }
        PQclear(start)
        var encodingError: Error?
        var sendFailure: String?
        var chunk: [UInt8] = []
        chunk.reserveCapacity(PostgresCopyEncoder.chunkSize + 4096)
        func send() {
            guard sendFailure == nil, !chunk.isEmpty else { return }
            let sent = chunk.withUnsafeBytes { bytes in
                PQputCopyData(connection, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
            }
            if sent != 1 { sendFailure = Self.errorMessage(connection) }
            chunk.removeAll(keepingCapacity: true)
        }
        for (rowNumber, row) in rows.enumerated() {
            do {
                try PostgresCopyEncoder.append(row: row, number: rowNumber + 1, columnCount: columnCount, to: &chunk)
            } catch {
                encodingError = PostgresError(code: .clientFailure, message: "\(error)", query: sql)
                break
            }
            if chunk.count >= PostgresCopyEncoder.chunkSize { send() }
            if sendFailure != nil { break }
        }
        if encodingError == nil { send() }
        let abortReason = encodingError.map { "\($0)" } ?? sendFailure
        if PQputCopyEnd(connection, abortReason) != 1 {
            sendFailure = sendFailure ?? Self.errorMessage(connection)
        }
        var affected = 0
        var serverError: Error?
        while let result = PQgetResult(connection) {
            do {
                let rows = try consume(result, connection: connection, statement: statement)
                affected = max(affected, rows.affectedRows)
            } catch {
                serverError = serverError ?? error
            }
        }
        if let encodingError { throw encodingError }
        if let serverError { throw serverError }
        if let sendFailure { throw PostgresError(code: .connectionFailure, message: "COPY failed: \(sendFailure)", query: sql) }
        return affected
    }

    /// Turns a libpq result into rows or a ``PostgresError``, and frees it.
    private func consume(_ result: OpaquePointer?, connection: OpaquePointer, statement: EncodedStatement) throws -> PostgresRows {
        defer {
            if let result { PQclear(result) }
            transactionStatus = PQtransactionStatus(connection)
        }
        guard let result else {
            throw error(from: nil, connection: connection, statement: statement)
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return PostgresRows(result: result)
        default:
            throw error(from: result, connection: connection, statement: statement)
        }
    }

    private func error(from result: OpaquePointer?, connection: OpaquePointer, statement: EncodedStatement) -> PostgresError {
        func field(_ code: Character) -> String? {
            guard let result, let ascii = code.asciiValue, let value = PQresultErrorField(result, Int32(ascii)) else { return nil }
            return String(cString: value)
        }
        let broken = PQstatus(connection) != CONNECTION_OK
        let message = field("M") ?? Self.errorMessage(connection)
        let code = field("C").map(PostgresError.Code.init(rawValue:)) ?? (broken ? .connectionFailure : .clientFailure)
        var error = PostgresError(
            code: code, message: message, detail: field("D"), hint: field("H"), constraint: field("n"),
            table: field("t"), query: statement.sql)
        error.parameterValues = statement.parameterValues
        if broken { logger.debug("PostgreSQL connection broke", metadata: ["error": "\(error)"]) }
        return error
    }

    static func errorMessage(_ connection: OpaquePointer) -> String {
        guard let message = PQerrorMessage(connection) else { return "unknown libpq error" }
        return String(cString: message).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "; ")
    }

    /// A connection failure with a code and a sentence saying what to check.
    static func connectError(message: String, configuration: PostgresConfiguration) -> PostgresError {
        let target = configuration.safeDescription
        let lowered = message.lowercased()
        let (code, advice): (PostgresError.Code, String) =
            if lowered.contains("password authentication failed") || lowered.contains("password is required")
                || lowered.contains("no password supplied")
            {
                (.invalidPassword, "check the user name and password in the PostgreSQL URL")
            } else if lowered.contains("database") && lowered.contains("does not exist") {
                (.invalidCatalogName, "check the database name in the PostgreSQL URL, or create the database")
            } else if lowered.contains("role") && lowered.contains("does not exist") {
                (.invalidAuthorization, "check the user name in the PostgreSQL URL, or create the role")
            } else if lowered.contains("pg_hba.conf") {
                (.invalidAuthorization, "the server's pg_hba.conf does not let this user in from here")
            } else if lowered.contains("too many") && lowered.contains("connections") {
                (.tooManyConnections, "the server has no connection slots left; lower the pool size or raise max_connections")
            } else if lowered.contains("the database system is") {
                (.cannotConnectNow, "the server is starting or shutting down; try again shortly")
            } else {
                (.unableToConnect, "is PostgreSQL running there, and are the host and port in the URL right?")
            }
        return PostgresError(code: code, message: "cannot connect to PostgreSQL as \(target): \(message) — \(advice)")
    }
}

/// What identifies a prepared statement in a session: its text and its parameters' types.
struct PreparedStatementKey: Hashable {
    var sql: String
    var types: [UInt32]
}

/// A statement with its parameters already encoded, ready for `PQexecPrepared`.
struct EncodedStatement: Sendable {
    var sql: String
    var types: [UInt32]
    /// Every non-NULL value, back to back; a text value ends with a NUL.
    var buffer: [UInt8]
    /// Per parameter, where its value starts in `buffer`, or nil for NULL.
    var offsets: [Int?]
    /// Per parameter, its value's length in bytes (without the NUL).
    var lengths: [Int32]
    /// Per parameter, its format: arrays travel in binary format, everything else as text.
    var formats: [Int32]
    /// The values as bound, to show them in an error's debug description.
    private var bindings: [any PostgresEncodable]

    /// What identifies the statement among a session's prepared statements.
    var preparedKey: PreparedStatementKey { PreparedStatementKey(sql: sql, types: types) }

    /// A statement without parameters.
    init(sql: String) {
        self.sql = sql
        self.types = []
        self.buffer = []
        self.offsets = []
        self.lengths = []
        self.formats = []
        self.bindings = []
    }

    /// Encodes every bound value; a value that cannot be encoded throws here, before anything
    /// reaches the server.
    init(_ query: PostgresQuery) throws {
        sql = query.sql
        bindings = query.bindings
        types = []
        buffer = []
        offsets = []
        lengths = []
        formats = []
        types.reserveCapacity(query.bindings.count)
        offsets.reserveCapacity(query.bindings.count)
        lengths.reserveCapacity(query.bindings.count)
        formats.reserveCapacity(query.bindings.count)
        for (index, binding) in query.bindings.enumerated() {
            types.append(type(of: binding).postgresType.rawValue)
            let start = buffer.count
            do {
                guard let format = try binding.encodePostgresParameter(into: &buffer) else {
                    offsets.append(nil)
                    lengths.append(0)
                    formats.append(PostgresFormat.text.rawValue)
                    continue
                }
                guard format == .binary || !buffer[start...].contains(0) else {
                    throw PostgresDecodingFailure("text values cannot contain the NUL character")
                }
                guard let length = Int32(exactly: buffer.count - start) else {
                    throw PostgresDecodingFailure("a value of \(buffer.count - start) bytes is too long to send")
                }
                if format == .text { buffer.append(0) }
                offsets.append(start)
                lengths.append(length)
                formats.append(format.rawValue)
            } catch {
                // A value that cannot be sent (NUL in text, too long) is a data exception, as the
                // server would call it: sending it again cannot succeed.
                throw PostgresError(
                    code: .dataException, message: "cannot encode parameter $\(index + 1): \(error)", query: query.sql)
            }
        }
    }

    /// The values as text, for an error's debug description.
    var parameterValues: [String?] {
        bindings.map { binding in try? binding.postgresText() }
    }

    /// Calls `body` with C arrays of the parameters' values, lengths and formats, as
    /// `PQexecPrepared` takes them.
    func withParameterPointers<Result>(
        _ body: (UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?) -> Result
    ) -> Result {
        if offsets.isEmpty { return body(nil, nil, nil) }
        return buffer.withUnsafeBytes { bytes in
            let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
            let pointers: [UnsafePointer<CChar>?] = offsets.map { offset in
                offset.flatMap { offset in base.map { UnsafePointer($0 + offset) } }
            }
            return pointers.withUnsafeBufferPointer { pointers in
                lengths.withUnsafeBufferPointer { lengths in
                    formats.withUnsafeBufferPointer { formats in body(pointers.baseAddress, lengths.baseAddress, formats.baseAddress) }
                }
            }
        }
    }
}
