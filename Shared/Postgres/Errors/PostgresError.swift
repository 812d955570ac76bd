import Foundation

/// An error from PostgreSQL or from the connection to it.
///
/// `description` is safe to log or show: it names the SQLSTATE, the server's primary message
/// and the statement's SQL text, never the values bound to it. `debugDescription` adds the
/// server's detail and hint (which can quote row values) and the bound parameter values.
public struct PostgresError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The SQLSTATE, e.g. `23505` for a unique violation. Client-side failures use the
    /// standard codes for their class (`08001` could not connect, `08006` connection lost).
    public var code: Code
    /// The server's (or libpq's) primary message.
    public var message: String
    /// The server's detail, which may quote row values; shown only in `debugDescription`.
    public var detail: String?
    /// The server's hint.
    public var hint: String?
    /// The constraint a violation concerns, e.g. `communities_pkey`.
    public var constraint: String?
    /// The table the error concerns, when the server names one.
    public var table: String?
    /// The SQL text that failed (never its bound values).
    public var query: String?
    /// The bound values, for `debugDescription` only.
    var parameterValues: [String?]?

    public init(
        code: Code, message: String, detail: String? = nil, hint: String? = nil,
        constraint: String? = nil, table: String? = nil, query: String? = nil
    ) {
        self.code = code
        self.message = message
        self.detail = detail
        self.hint = hint
        self.constraint = constraint
        self.table = table
        self.query = query
    }

    /// Whether running the same operation again may succeed: a lost or refused connection,
    /// a server shutting down, a serialization failure or a deadlock.
    public var isRetryable: Bool { code.isRetryable }

    /// Whether the database could not be reached (refused, lost, shutting down, no connection
    /// slot): a failure of the server, not of the statement. Every caller that must tell the
    /// two apart (a consumer keeping messages in hand, a service waiting at start, a
    /// connection deciding whether it is broken) asks this.
    public var meansServerUnreachable: Bool { code.meansServerUnreachable }

    /// Whether the statement's values are refused whatever the database's state (NUL in
    /// text, a value out of range...): trying again with the same values cannot succeed.
    public var meansValueRefused: Bool { code.meansValueRefused }

    public var description: String {
        var text = "PostgreSQL error \(code.rawValue)"
        if let name = code.name { text += " (\(name))" }
        text += ": \(message)"
        if let constraint { text += " [constraint \(constraint)]" }
        if let query { text += " in query: \(Self.abbreviate(query))" }
        return text
    }

    public var debugDescription: String {
        var text = description
        if let detail { text += "\ndetail: \(detail)" }
        if let hint { text += "\nhint: \(hint)" }
        if let parameterValues, !parameterValues.isEmpty {
            let shown = parameterValues.enumerated().map { "$\($0.offset + 1)=\($0.element ?? "NULL")" }
            text += "\nparameters: \(shown.joined(separator: ", "))"
        }
        return text
    }

    static func abbreviate(_ sql: String) -> String {
        let oneLine = sql.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        return oneLine.count > 200 ? String(oneLine.prefix(200)) + "…" : oneLine
    }
}
