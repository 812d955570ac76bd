import Contracts
import Foundation
import Logging
import Postgres
import ServiceLifecycle

/// Fires a service's due timers, each once in effect.
///
/// Each round claims up to a batch of due timers (`DELETE ... FOR UPDATE SKIP LOCKED`, so that
/// several instances share the work and never hold the same timer at once) and hands them to
/// their handlers in the same transaction, which commits the deletion and the handlers' writes
/// together. When a batch fails, its timers are fired one at a time, and one that fails on its
/// own is put back with a later due instant (1s, 2s, 4s... up to 5 minutes) and its error. A
/// timer never fires before its due instant by the database's clock, and, while the service is
/// up, at most the poll interval plus the handlers' time after it. A database that cannot be
/// reached is waited out; the watchdog decides when the service has been cut off too long.
final class TimerService: Service {
    /// A handler with its payload type erased.
    struct Registration: Sendable {
        let fire: @Sendable ([ClaimedTimer], PostgresConnection) async throws -> Void
    }

    /// A timer as claimed from the table.
    struct ClaimedTimer: Sendable {
        let name: String
        let key: String
        let dueAt: Date
        let payload: String
        let attempts: Int
        let revision: Int64
    }

    private let registrations: [String: Registration]
    private let postgres: PostgresClient
    private let settings: ServiceSettings.TimerSettings
    private let failPoints: FailPoints
    private let metrics: ServiceMetrics
    private let logger: Logger

    init(
        handlers: [any TimerHandler], postgres: PostgresClient, settings: ServiceSettings.TimerSettings, failPoints: FailPoints,
        metrics: ServiceMetrics, logger: Logger
    ) throws {
        var registrations: [String: Registration] = [:]
        for handler in handlers {
            guard registrations[handler.timerName] == nil else {
                throw ServiceDefinitionError("two timer handlers are registered for the name \(handler.timerName)")
            }
            registrations[handler.timerName] = Self.registration(handler)
        }
        self.registrations = registrations
        self.postgres = postgres
        self.settings = settings
        self.failPoints = failPoints
        self.metrics = metrics
        self.logger = logger
    }

    private static func registration<Handler: TimerHandler>(_ handler: Handler) -> Registration {
        Registration { claimed, connection in
            var due: [DueTimer<Handler.Payload>] = []
            due.reserveCapacity(claimed.count)
            for timer in claimed {
                let payload: Handler.Payload
                do {
                    payload = try MessageBody.decode(Handler.Payload.self, from: Array(timer.payload.utf8))
                } catch {
                    throw PermanentFailure("timer \(timer.name)/\(timer.key): the payload does not decode: \(error)")
                }
                due.append(DueTimer(name: timer.name, key: timer.key, dueAt: timer.dueAt, payload: payload, attempt: timer.attempts + 1))
            }
            try await handler.fire(due, on: connection)
        }
    }

    /// The timer names this service fires.
    var names: [String] { registrations.keys.sorted() }

    func run() async throws {
        logger.info("firing timers", metadata: ["timers": "\(names.joined(separator: ", "))"])
        while !Task.isCancelledOrShuttingDown {
            var fired = 0
            do {
                fired = try await fireDue()
            } catch let error as PostgresError where error.meansServerUnreachable {
                logger.warning("database unreachable; timers wait until it is back", metadata: ["error": "\(error)"])
            } catch {
                logger.error("firing timers failed", metadata: ["error": "\(error)"])
            }
            // A full batch: there may be more due at once.
            if fired == settings.batchSize { continue }
            let pause = await nextPause()
            _ = try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
        }
        logger.info("stopped firing timers")
    }

    /// How long to sleep: until the next timer is due, at most the poll interval.
    private func nextPause() async -> Duration {
        let seconds = try? await postgres.query(
            """
            SELECT extract(epoch FROM min(due_at) - clock_timestamp())::float8 FROM timers WHERE name = ANY(\(names)::text[])
            """
        ).first?.decode(Double?.self, at: 0)
        guard let seconds = seconds ?? nil else { return settings.pollInterval }
        // A millisecond past the due instant, so that the next round finds it due.
        let untilDue = Duration.milliseconds(max(0, Int64((seconds * 1000).rounded(.up))) + 1)
        return min(untilDue, settings.pollInterval)
    }

    /// Fires one batch of due timers together; on failure, each alone. Returns how many were
    /// claimed.
    private func fireDue() async throws -> Int {
        do {
            return try await postgres.withTransaction { connection in
                let claimed = try await claim(on: connection, limit: settings.batchSize)
                try await fire(claimed, on: connection)
                return claimed.count
            }
        } catch let error as PostgresError where error.meansServerUnreachable {
            throw error
        } catch {
            logger.debug("a batch of timers failed; firing them one by one", metadata: ["error": "\(error)"])
        }
        var fired = 0
        while fired < settings.batchSize, !Task.isCancelledOrShuttingDown, try await fireOne() != nil { fired += 1 }
        return fired
    }

    /// Fires the next due timer alone; a failure puts it back for later. Returns nil when none
    /// is due.
    private func fireOne() async throws -> ClaimedTimer? {
        var failed: (ClaimedTimer, Error)?
        let claimed: ClaimedTimer?
        do {
            claimed = try await postgres.withTransaction { connection -> ClaimedTimer? in
                guard let timer = try await claim(on: connection, limit: 1).first else { return nil }
                try await fire([timer], on: connection)
                return timer
            }
        } catch let error as PostgresError where error.meansServerUnreachable {
            throw error
        } catch let error as TimerFailure {
            failed = (error.timer, error.underlying)
            claimed = error.timer
        }
        if let (timer, error) = failed { try await postpone(timer, after: error) }
        return claimed
    }

    /// A timer whose handler threw, with what it threw.
    private struct TimerFailure: Error {
        let timer: ClaimedTimer
        let underlying: Error
    }

    private func claim(on connection: PostgresConnection, limit: Int) async throws -> [ClaimedTimer] {
        let rows = try await connection.query(
            """
            DELETE FROM timers WHERE (name, key) IN (
                SELECT name, key FROM timers
                WHERE due_at <= clock_timestamp() AND name = ANY(\(names)::text[])
                ORDER BY due_at LIMIT \(limit) FOR UPDATE SKIP LOCKED)
            RETURNING name, key, due_at, payload, attempts, revision
            """)
        return try rows.map { row in
            ClaimedTimer(
                name: try row.decode(String.self, at: 0), key: try row.decode(String.self, at: 1), dueAt: try row.decode(Date.self, at: 2),
                payload: try row.decode(String.self, at: 3), attempts: try row.decode(Int.self, at: 4),
                revision: try row.decode(Int64.self, at: 5))
        }
    }

    /// Hands the claimed timers to their handlers, a name at a time; the fail point
    /// `timer.before-commit` stops the process after the handlers, before the `COMMIT`.
    private func fire(_ claimed: [ClaimedTimer], on connection: PostgresConnection) async throws {
        guard !claimed.isEmpty else { return }
        var byName: [String: [ClaimedTimer]] = [:]
        for timer in claimed { byName[timer.name, default: []].append(timer) }
        for (name, timers) in byName.sorted(by: { $0.key < $1.key }) {
            guard let registration = registrations[name] else { continue }
            do {
                try await registration.fire(timers, connection)
            } catch let error as PostgresError where error.meansServerUnreachable {
                throw error
            } catch {
                if timers.count == 1 { throw TimerFailure(timer: timers[0], underlying: error) }
                throw error
            }
            metrics.timersFired(timers.count, name: name)
        }
        failPoints.reach(.timerBeforeCommit, logger: logger)
    }

    /// Puts a timer that failed back, due again after a delay that doubles with each attempt.
    private func postpone(_ timer: ClaimedTimer, after error: Error) async throws {
        let attempts = timer.attempts + 1
        let delaySeconds = min(300, 1 << min(attempts - 1, 9))
        let reason = String(MessageConsumer.describe(error).prefix(2000))
        // The failed firing was rolled back, so the timer is still there; one scheduled again
        // meanwhile (a new revision) keeps its new time.
        try await postgres.query(
            """
            UPDATE timers SET due_at = clock_timestamp() + make_interval(secs => \(delaySeconds)), attempts = \(attempts),
                              last_error = \(reason)
            WHERE name = \(timer.name) AND key = \(timer.key) AND revision = \(timer.revision)
            """)
        metrics.timerFailed(name: timer.name)
        logger.error(
            "timer failed; it fires again later",
            metadata: [
                "timer": "\(timer.name)", "key": "\(timer.key)", "attempts": "\(attempts)", "retry_in": "\(delaySeconds)s",
                "error": "\(reason)",
            ])
    }
}
