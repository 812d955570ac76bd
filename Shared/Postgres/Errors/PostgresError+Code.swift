extension PostgresError {
    /// A SQLSTATE code. The common ones have names so that callers can match on them:
    /// `error.code == .uniqueViolation`.
    public struct Code: Hashable, Sendable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(_ rawValue: String) { self.rawValue = rawValue }

        public var description: String { rawValue }

        /// The two-character class, e.g. `08` for connection exceptions.
        public var errorClass: Substring { rawValue.prefix(2) }

        public static let uniqueViolation = Code("23505")
        public static let foreignKeyViolation = Code("23503")
        public static let notNullViolation = Code("23502")
        public static let checkViolation = Code("23514")
        public static let serializationFailure = Code("40001")
        public static let deadlockDetected = Code("40P01")
        /// libpq could not open a connection (server down, wrong host or port).
        public static let unableToConnect = Code("08001")
        /// The connection broke while in use.
        public static let connectionFailure = Code("08006")
        public static let connectionException = Code("08000")
        public static let invalidPassword = Code("28P01")
        public static let invalidAuthorization = Code("28000")
        public static let invalidCatalogName = Code("3D000")
        public static let adminShutdown = Code("57P01")
        public static let crashShutdown = Code("57P02")
        public static let cannotConnectNow = Code("57P03")
        public static let tooManyConnections = Code("53300")
        public static let queryCanceled = Code("57014")
        public static let undefinedTable = Code("42P01")
        public static let syntaxError = Code("42601")
        public static let invalidTextRepresentation = Code("22P02")
        /// A value that cannot be used as given.
        public static let dataException = Code("22000")
        /// A character the database cannot store, such as NUL in text.
        public static let characterNotInRepertoire = Code("22021")
        public static let lockNotAvailable = Code("55P03")
        /// A prepared statement the session does not have.
        public static let invalidPreparedStatement = Code("26000")
        /// Also what a prepared statement whose result shape changed reports.
        public static let featureNotSupported = Code("0A000")
        /// A client-side failure that is not the server's (encoding a value, a protocol surprise).
        public static let clientFailure = Code("XX000")

        /// A readable name for the codes this client handles specially.
        public var name: String? {
            switch self {
            case .uniqueViolation: "unique_violation"
            case .foreignKeyViolation: "foreign_key_violation"
            case .notNullViolation: "not_null_violation"
            case .checkViolation: "check_violation"
            case .serializationFailure: "serialization_failure"
            case .deadlockDetected: "deadlock_detected"
            case .unableToConnect: "sqlclient_unable_to_establish_sqlconnection"
            case .connectionFailure: "connection_failure"
            case .connectionException: "connection_exception"
            case .invalidPassword: "invalid_password"
            case .invalidAuthorization: "invalid_authorization_specification"
            case .invalidCatalogName: "invalid_catalog_name"
            case .adminShutdown: "admin_shutdown"
            case .crashShutdown: "crash_shutdown"
            case .cannotConnectNow: "cannot_connect_now"
            case .tooManyConnections: "too_many_connections"
            case .queryCanceled: "query_canceled"
            case .undefinedTable: "undefined_table"
            case .syntaxError: "syntax_error"
            case .invalidTextRepresentation: "invalid_text_representation"
            case .dataException: "data_exception"
            case .characterNotInRepertoire: "character_not_in_repertoire"
            case .lockNotAvailable: "lock_not_available"
            case .invalidPreparedStatement: "invalid_sql_statement_name"
            case .featureNotSupported: "feature_not_supported"
            default: nil
            }
        }

        /// Connections refused, lost or not yet accepted, a server shutting down, no connection
        /// slot free: the database cannot be reached, whatever the statement was.
        public var meansServerUnreachable: Bool {
            if errorClass == "08" { return true }
            switch self {
            case .adminShutdown, .crashShutdown, .cannotConnectNow, .tooManyConnections: return true
            default: return false
            }
        }

        /// A value the database refuses whatever its state (data exceptions, class 22: NUL in
        /// text, a malformed number or date, a value out of range; limits exceeded, class 54):
        /// running the same statement with the same values again cannot succeed.
        public var meansValueRefused: Bool { errorClass == "22" || errorClass == "54" }

        /// An unreachable server, a serialization failure or a deadlock: the same operation may
        /// succeed if run again.
        public var isRetryable: Bool {
            meansServerUnreachable || self == .serializationFailure || self == .deadlockDetected
        }
    }
}
