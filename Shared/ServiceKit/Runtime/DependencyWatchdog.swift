import AMQP
import Foundation
import Logging
import Postgres
import ServiceLifecycle
import Synchronization

/// Watches the broker and the database. Cut off from either for longer than the configured
/// time, it fails, which stops the service with a non-zero exit so that its supervisor starts
/// it again. Also answers the readiness checks.
public final class DependencyWatchdog: Service {
    /// The service could not reach a dependency for too long.
    public struct CutOff: Error, CustomStringConvertible {
        public var dependency: String
        public var seconds: Double
        public var limit: Duration
        public var lastError: String
        public var description: String {
            "cut off from the \(dependency) for \(Int(seconds))s (limit \(limit)): \(lastError); exiting so that the supervisor restarts the service"
        }
    }

    private let postgres: PostgresClient
    private let amqp: AMQPConnection
    private let limit: Duration
    private let logger: Logger
    private let database = Mutex<(failingSince: Date?, lastError: String?)>((nil, nil))

    public init(postgres: PostgresClient, amqp: AMQPConnection, limit: Duration, logger: Logger) {
        self.postgres = postgres
        self.amqp = amqp
        self.limit = limit
        self.logger = logger
    }

    /// The database's state as of the last check.
    public var databaseReport: ReadinessReport.Dependency {
        database.withLock { state in
            guard let since = state.failingSince else { return .init(ok: true, detail: "connected") }
            return .init(ok: false, detail: state.lastError ?? "unreachable", disconnectedForSeconds: Date().timeIntervalSince(since))
        }
    }

    /// The broker connection's state now.
    public var brokerReport: ReadinessReport.Dependency {
        switch amqp.state {
        case .connected:
            // Blocked by the broker's memory or disk alarm: nothing can be published until it clears.
            amqp.isBlocked
                ? .init(ok: false, detail: "connected; publishing blocked by the broker (memory or disk alarm)")
                : .init(ok: true, detail: "connected")
        case .connecting: .init(ok: false, detail: "connecting")
        case .reconnecting(let since, let attempts, let lastError):
            .init(
                ok: false, detail: "reconnecting (\(attempts) attempts): \(lastError)",
                disconnectedForSeconds: Date().timeIntervalSince(since))
        case .closed: .init(ok: false, detail: "closed")
        case .failed(let error): .init(ok: false, detail: "gave up: \(error)")
        }
    }

    public func run() async throws {
        while !Task.isCancelledOrShuttingDown {
            await checkDatabase()
            let now = Date()
            if let since = amqp.state.disconnectedSince, now.timeIntervalSince(since) > limit.inSeconds {
                throw CutOff(dependency: "broker", seconds: now.timeIntervalSince(since), limit: limit, lastError: brokerReport.detail)
            }
            if case .failed(let error) = amqp.state {
                throw CutOff(dependency: "broker", seconds: 0, limit: limit, lastError: "\(error)")
            }
            let (failingSince, lastError) = database.withLock { ($0.failingSince, $0.lastError) }
            if let failingSince, now.timeIntervalSince(failingSince) > limit.inSeconds {
                throw CutOff(dependency: "database", seconds: now.timeIntervalSince(failingSince), limit: limit, lastError: lastError ?? "")
            }
            _ = try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(1)) }
        }
    }

    private func checkDatabase() async {
        do {
            try await postgres.query("SELECT 1")
            let recovered = database.withLock { state in
                defer { state = (nil, nil) }
                return state.failingSince != nil
            }
            if recovered { logger.info("database reachable again") }
        } catch {
            let first = database.withLock { state in
                defer {
                    state.failingSince = state.failingSince ?? Date()
                    state.lastError = "\(error)"
                }
                return state.failingSince == nil
            }
            if first { logger.warning("database unreachable", metadata: ["error": "\(error)"]) }
        }
    }
}

extension Task where Success == Never, Failure == Never {
    /// Whether the current task was cancelled or the service group is shutting down.
    static var isCancelledOrShuttingDown: Bool { Task.isCancelled || Task.isShuttingDownGracefully }
}
