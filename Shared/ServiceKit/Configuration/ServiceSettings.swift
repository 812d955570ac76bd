import AMQP
import Contracts
import Foundation
import Logging
import Postgres

/// The settings every service reads from its environment (DESIGN.md section 4), checked at
/// start: a missing or malformed one stops the service with one line naming it.
public struct ServiceSettings: Sendable {
    /// The service's short name on the wire, e.g. `registry` (routing keys, queues).
    public var serviceName: String
    /// `P2G_AMQP_URL`: `amqp://user:pass@host:port/vhost` or `amqps://...`.
    public var amqp: AMQPConfiguration
    /// `P2G_DATABASE_URL`: `postgresql://...`; libpq's `PG*` variables and `sslmode` work too.
    public var database: PostgresConfiguration
    /// `P2G_HTTP_HOST` (default 127.0.0.1) and `P2G_HTTP_PORT`.
    public var httpHost: String
    public var httpPort: Int
    /// `P2G_METRICS_HOST` (default 127.0.0.1) and `P2G_METRICS_PORT` (default the HTTP port's
    /// default plus 1000): `GET /metrics` alone, unauthenticated, for the cluster's scraper.
    public var metricsHost: String
    public var metricsPort: Int
    /// `P2G_AUTH_KEY_FILE` (required): the keys that verify bearer tokens (``AccessKeys``).
    public var authKeyFile: String
    /// `P2G_AUTH_ISSUER` (default `p2g`): the issuer tokens must name.
    public var authIssuer: String
    /// `P2G_LOG_LEVEL` (default info) and `P2G_LOG_FORMAT` (`text` or `json`).
    public var logLevel: Logger.Level
    public var logFormat: LogFormat
    /// `P2G_INSTANCE_ID`: names this instance in logs and AMQP connection names.
    public var instanceID: String
    /// `P2G_MAX_DISCONNECTED` (default 60s): cut off from the broker or the database for
    /// longer than this, the service exits non-zero so that its supervisor restarts it.
    public var maximumDisconnection: Duration
    /// `P2G_SHUTDOWN_TIMEOUT` (default 20s): how long SIGTERM waits for work in hand.
    public var shutdownTimeout: Duration
    public var outbox: OutboxSettings
    public var consumer: ConsumerSettings
    public var timers: TimerSettings
    /// `P2G_FAIL_POINTS`: for tests only, where the process kills itself (``FailPoints``).
    public var failPoints: FailPoints
    /// The environment the settings were read from, for a service's settings of its own
    /// (read once at start, like these).
    public let environment: EnvironmentReader

    /// The outbox relay's settings.
    public struct OutboxSettings: Sendable {
        /// `P2G_OUTBOX_POLL_INTERVAL` (default 1s): how often to look without a NOTIFY.
        public var pollInterval: Duration
        /// `P2G_OUTBOX_BATCH_SIZE` (default 500): rows claimed and published at once.
        public var batchSize: Int
        /// `P2G_OUTBOX_RETENTION` (default 1d): how long sent rows are kept.
        public var retention: Duration
        /// `P2G_OUTBOX_WORKERS` (default 2): batches in flight at most in this instance; the second
        /// and later workers join only when a full batch shows a backlog.
        public var workers: Int
        /// `P2G_OUTBOX_LINGER` (default 0ms, at most 1s): how long the relay, woken for new
        /// rows, waits for more before claiming, so that a trickle goes in fewer, larger batches.
        public var linger: Duration
    }

    /// The event consumer's settings.
    public struct ConsumerSettings: Sendable {
        /// `P2G_CONSUMER_PREFETCH` (default 1000): deliveries in hand at once.
        public var prefetch: Int
        /// `P2G_CONSUMER_BATCH_SIZE` (default 500): deliveries handled in one transaction.
        public var batchSize: Int
        /// `P2G_QUICK_RETRIES` (default 2): retries in process before a delayed retry.
        public var quickRetries: Int
        /// `P2G_RETRY_DELAYS` (default 5s,30s,5m): one delay queue per stage; after the last,
        /// the message is parked.
        public var retryDelays: [Duration]
        /// `P2G_CONSUMER_LINGER` (default 0ms, at most 1s): how long a batch smaller than
        /// `batchSize` waits for more deliveries before its transaction starts.
        public var linger: Duration
        /// `P2G_CONSUMER_MAX_BODY_BYTES` (default 1 MiB): a larger message is parked at once,
        /// unread.
        public var maximumBodySize: Int
    }

    /// The timer service's settings.
    public struct TimerSettings: Sendable {
        /// `P2G_TIMER_POLL_INTERVAL` (default 1s): how long the timer service sleeps at most
        /// between looks, and so how late a timer can fire at most, plus its handler's time.
        public var pollInterval: Duration
        /// `P2G_TIMER_BATCH_SIZE` (default 100): timers fired in one transaction.
        public var batchSize: Int
    }

    /// Reads the settings of `service` (whose default HTTP port applies unless one is set).
    public init(service: ServiceIdentity, environment: EnvironmentReader = EnvironmentReader()) throws {
        let serviceName = service.name
        let defaultHTTPPort = service.defaultHTTPPort
        self.serviceName = serviceName
        self.environment = environment
        instanceID = environment.string("P2G_INSTANCE_ID", default: "\(serviceName)-\(ProcessInfo.processInfo.processIdentifier)")

        let amqpURL = try environment.required("P2G_AMQP_URL", example: "amqp://p2g:PASSWORD@127.0.0.1:55672/p2g")
        do {
            amqp = try AMQPConfiguration(url: amqpURL)
        } catch {
            throw ConfigurationError(setting: "P2G_AMQP_URL", problem: "\(error)")
        }
        amqp.connectionName = instanceID

        let databaseURL = try environment.required("P2G_DATABASE_URL", example: "postgresql://USER:PASSWORD@127.0.0.1:55432/DATABASE")
        let poolSize = try environment.integer("P2G_DATABASE_POOL_SIZE", default: 8, in: 1...200)
        // `P2G_DATABASE_STATEMENT_TIMEOUT` (default 60s): the server cancels a longer statement,
        // and a server that has not answered 2s after that is given up on (a network path
        // that silently drops packets), so that no statement hangs for good.
        let statementTimeout = try environment.duration("P2G_DATABASE_STATEMENT_TIMEOUT", default: .seconds(60))
        do {
            database = try PostgresConfiguration(
                url: databaseURL, maximumConnections: poolSize, applicationName: instanceID, statementTimeout: statementTimeout)
        } catch {
            throw ConfigurationError(setting: "P2G_DATABASE_URL", problem: "\(error)")
        }

        httpHost = environment.string("P2G_HTTP_HOST", default: "127.0.0.1")
        httpPort = try environment.integer("P2G_HTTP_PORT", default: defaultHTTPPort, in: 0...65535)
        metricsHost = environment.string("P2G_METRICS_HOST", default: "127.0.0.1")
        metricsPort = try environment.integer("P2G_METRICS_PORT", default: defaultHTTPPort + 1000, in: 0...65535)
        authKeyFile = try environment.required("P2G_AUTH_KEY_FILE", example: "/etc/p2g/auth-keys")
        authIssuer = environment.string("P2G_AUTH_ISSUER", default: "p2g")
        logLevel = try environment.choice("P2G_LOG_LEVEL", default: Logger.Level.info)
        logFormat = try environment.choice("P2G_LOG_FORMAT", default: LogFormat.text)
        maximumDisconnection = try environment.duration("P2G_MAX_DISCONNECTED", default: .seconds(60))
        shutdownTimeout = try environment.duration("P2G_SHUTDOWN_TIMEOUT", default: .seconds(20))
        outbox = OutboxSettings(
            pollInterval: try environment.duration("P2G_OUTBOX_POLL_INTERVAL", default: .seconds(1)),
            batchSize: try environment.integer("P2G_OUTBOX_BATCH_SIZE", default: 500, in: 1...10_000),
            retention: try environment.duration("P2G_OUTBOX_RETENTION", default: .seconds(86_400)),
            workers: try environment.integer("P2G_OUTBOX_WORKERS", default: 2, in: 1...16),
            linger: try Self.holdingDelay("P2G_OUTBOX_LINGER", default: .zero, holding: "events", environment))
        let retryDelays = try environment.durations("P2G_RETRY_DELAYS", default: [.seconds(5), .seconds(30), .seconds(300)])
        guard retryDelays.allSatisfy({ $0 >= .milliseconds(1) }) else {
            throw ConfigurationError(setting: "P2G_RETRY_DELAYS", problem: "every delay must be at least 1ms")
        }
        // `P2G_CONSUMER_ACK_DELAY` (default 20ms, at most 1s): how long acknowledgements,
        // always sent after the commit, may wait to go to the broker together.
        // `P2G_PUBLISH_BLOCKED_TIMEOUT` (default 10s): how long a publish waits while the broker
        // blocks publishing (memory or disk alarm) before it fails and is tried again after the
        // alarm, so that the relay's claiming transaction does not stay open for the alarm.
        amqp.blockedPublishTimeout = try environment.duration("P2G_PUBLISH_BLOCKED_TIMEOUT", default: .seconds(10))
        amqp.acknowledgementDelay = try Self.holdingDelay(
            "P2G_CONSUMER_ACK_DELAY", default: .milliseconds(20), holding: "acknowledgements", environment)
        consumer = ConsumerSettings(
            prefetch: try environment.integer("P2G_CONSUMER_PREFETCH", default: 1000, in: 1...65_535),
            batchSize: try environment.integer("P2G_CONSUMER_BATCH_SIZE", default: 500, in: 1...10_000),
            quickRetries: try environment.integer("P2G_QUICK_RETRIES", default: 2, in: 0...10),
            retryDelays: retryDelays,
            linger: try Self.holdingDelay("P2G_CONSUMER_LINGER", default: .zero, holding: "events", environment),
            maximumBodySize: try environment.integer("P2G_CONSUMER_MAX_BODY_BYTES", default: 1 << 20, in: 1024...(128 << 20)))
        timers = TimerSettings(
            pollInterval: try environment.duration("P2G_TIMER_POLL_INTERVAL", default: .seconds(1)),
            batchSize: try environment.integer("P2G_TIMER_BATCH_SIZE", default: 100, in: 1...10_000))
        let failPointsText = environment.string("P2G_FAIL_POINTS", default: "")
        guard let failPoints = FailPoints(parsing: failPointsText) else {
            let known = FailPoints.Point.allCases.map(\.rawValue).joined(separator: ", ")
            throw ConfigurationError(
                setting: "P2G_FAIL_POINTS",
                problem:
                    "'\(failPointsText)' is not a list of fail points, each NAME or NAME@N (N from 1); known: \(known), and \(FailPoints.uncheckedInbox)"
            )
        }
        self.failPoints = failPoints
    }

    /// A delay that holds `what` back, so at most 1s.
    private static func holdingDelay(
        _ name: String, default defaultValue: Duration, holding what: String, _ environment: EnvironmentReader
    ) throws -> Duration {
        let delay = try environment.duration(name, default: defaultValue)
        guard delay <= .seconds(1) else {
            throw ConfigurationError(setting: name, problem: "at most 1s, so that \(what) are not held long")
        }
        return delay
    }
}
