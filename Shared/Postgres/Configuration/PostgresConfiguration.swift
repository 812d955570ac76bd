import CLibPQ
import Foundation

/// How to reach a PostgreSQL server and how large a pool to keep.
///
/// Built from a `postgresql://` URL. Whatever the URL leaves out, libpq takes from its own
/// environment variables (`PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`, `PGDATABASE`,
/// `PGSSLMODE`, ...) and its defaults, so `postgresql://` alone works with a `PG*` setup, and
/// `?sslmode=require` or `PGSSLMODE` select TLS.
public struct PostgresConfiguration: Sendable {
    /// The connection parameters libpq parsed out of the URL (no defaults filled in).
    var parameters: [(keyword: String, value: String)]
    /// The most connections the pool opens at once.
    public var maximumConnections: Int
    /// Seconds to wait for a connection to open, unless the URL says `connect_timeout`.
    public var connectTimeoutSeconds: Int
    /// Sent as `application_name` unless the URL names one; shows in `pg_stat_activity`.
    public var applicationName: String
    /// The server cancels a statement that runs longer (`statement_timeout`, unless the URL's
    /// `options` set one), and this client gives up on a server that has not answered a
    /// statement for this long plus ``answerGrace``: it closes the connection and throws a
    /// connection failure, so that a network path that silently drops everything stops a
    /// statement in a bounded time. Nil: neither.
    public var statementTimeout: Duration?
    /// How much longer than ``statementTimeout`` the client waits for the server's answer (the
    /// server's own cancellation comes first when it can still answer).
    public var answerGrace: Duration = .seconds(2)

    /// A URL that cannot be used, with the reason.
    public struct InvalidURL: Error, Sendable, CustomStringConvertible {
        public var reason: String
        public var description: String { "invalid PostgreSQL URL: \(reason)" }
    }

    /// Parses a `postgresql://user:password@host:port/database?sslmode=...` URL.
    ///
    /// Throws ``InvalidURL`` naming the part that is wrong; the password never appears in it.
    public init(
        url: String, maximumConnections: Int = 8, connectTimeoutSeconds: Int = 10,
        applicationName: String = "p2g", statementTimeout: Duration? = nil
    ) throws {
        guard url.hasPrefix("postgresql://") || url.hasPrefix("postgres://") else {
            let scheme = url.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
            throw InvalidURL(
                reason: scheme.isEmpty || scheme == url
                    ? "expected a URL starting with postgresql://"
                    : "expected the scheme postgresql://, got \(scheme)://")
        }
        guard maximumConnections > 0 else {
            throw InvalidURL(reason: "the pool needs at least one connection, got \(maximumConnections)")
        }
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(url, &errorMessage) else {
            let reason = errorMessage.map { String(cString: $0) } ?? "libpq could not parse it"
            if let errorMessage { PQfreemem(errorMessage) }
            throw InvalidURL(reason: reason.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        defer { PQconninfoFree(options) }
        var parameters: [(keyword: String, value: String)] = []
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val {
                parameters.append((String(cString: keyword), String(cString: value)))
            }
            option += 1
        }
        if let port = parameters.first(where: { $0.keyword == "port" })?.value,
            !port.split(separator: ",").allSatisfy({ UInt16($0) != nil })
        {
            throw InvalidURL(reason: "the port \(port) is not a number between 1 and 65535")
        }
        self.parameters = parameters
        self.maximumConnections = maximumConnections
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.applicationName = applicationName
        self.statementTimeout = statementTimeout
    }

    /// How long a statement may go unanswered before the client closes its connection.
    var answerTimeout: Duration? { statementTimeout.map { $0 + answerGrace } }

    /// A URL parameter libpq parsed, e.g. `host` or `dbname`.
    public func parameter(_ keyword: String) -> String? {
        parameters.first { $0.keyword == keyword }?.value
    }

    /// The keyword/value pairs handed to `PQconnectdbParams`: the URL's own, then this
    /// client's defaults for what the URL leaves open. TCP keepalives and a TCP user timeout
    /// notice a peer that vanished without closing (a dead host, a dropped route) within about
    /// half a minute, even on a connection that sits idle.
    var connectionKeywords: [(String, String)] {
        var pairs = parameters.map { ($0.keyword, $0.value) }
        let defaults = [
            ("connect_timeout", String(connectTimeoutSeconds)), ("keepalives", "1"), ("keepalives_idle", "10"),
            ("keepalives_interval", "5"), ("keepalives_count", "3"), ("tcp_user_timeout", "30000"),
        ]
        for (keyword, value) in defaults where parameter(keyword) == nil { pairs.append((keyword, value)) }
        if parameter("application_name") == nil { pairs.append(("fallback_application_name", applicationName)) }
        return pairs
    }

    /// The session settings sent in `options`: `statement_timeout`, unless the URL sets it.
    var sessionOptions: String? {
        guard let statementTimeout, !(parameter("options") ?? "").contains("statement_timeout") else { return nil }
        let milliseconds = statementTimeout.components.seconds * 1000 + statementTimeout.components.attoseconds / 1_000_000_000_000_000
        return "-c statement_timeout=\(max(1, milliseconds))"
    }

    /// `user@host:port/database` as far as the URL says, for messages (never the password).
    public var safeDescription: String {
        let user = parameter("user") ?? ProcessInfo.processInfo.environment["PGUSER"] ?? "(default user)"
        let host = parameter("host") ?? parameter("hostaddr") ?? ProcessInfo.processInfo.environment["PGHOST"] ?? "(default host)"
        let port = parameter("port") ?? ProcessInfo.processInfo.environment["PGPORT"] ?? "5432"
        let database = parameter("dbname") ?? ProcessInfo.processInfo.environment["PGDATABASE"] ?? user
        return "\(user)@\(host):\(port)/\(database)"
    }
}
