import Contracts
import Foundation
import Postgres
import ServiceKit
import ServiceLifecycle

/// A service made of ServiceKit's parts alone, for the tests of those parts: its one timer,
/// `probe-effect`, appends a row to `timer_effects` each time it fires (nothing keys that table,
/// so a timer fired twice shows as two rows), and its one worker logs when it starts and stops.
public enum ProbeService {
    public static let identity = ServiceIdentity(name: "probe", executable: "servicekit-probe", defaultHTTPPort: 8090)

    public static let definition = ServiceDefinition(
        identity: identity,
        migrations: [
            PostgresMigration(
                name: "probe-001-timer-effects",
                sql: """
                    CREATE TABLE timer_effects (
                        id bigserial PRIMARY KEY,
                        key text NOT NULL,
                        note text NOT NULL,
                        due_at timestamptz NOT NULL,
                        fired_at timestamptz NOT NULL DEFAULT clock_timestamp(),
                        instance text NOT NULL DEFAULT current_setting('application_name')
                    );
                    """),
            PostgresMigration(
                name: "probe-002-worker-log",
                sql: """
                    CREATE TABLE worker_log (
                        id bigserial PRIMARY KEY,
                        event text NOT NULL,
                        at timestamptz NOT NULL DEFAULT clock_timestamp()
                    );
                    """),
            PostgresMigration(
                name: "probe-003-event-effects",
                sql: """
                    CREATE TABLE event_effects (
                        id bigserial PRIMARY KEY,
                        community_id uuid NOT NULL,
                        message_id uuid NOT NULL,
                        attempt integer NOT NULL,
                        handled_at timestamptz NOT NULL DEFAULT clock_timestamp()
                    );
                    """),
        ],
        apiDocument: #"{"openapi": "3.1.0", "info": {"title": "p2g ServiceKit probe", "version": "1"}, "paths": {}}"#,
        components: { dependencies in
            ServiceComponents(
                eventHandlers: [EffectOnRegistration()], timerHandlers: [EffectTimer()],
                workers: [LoggingWorker(postgres: dependencies.postgres)])
        })

    /// The timer's name.
    public static let timerName = "probe-effect"
}

/// Appends one row per handled `registry.community-registered.v1`, keyed by nothing: a message
/// handled twice shows as two rows. A community named `flaky...` fails its first attempt (and is
/// retried); one named `poison...` can never be handled (and is parked); one named `crash...`
/// stops the process with a fatal error every time it is handled.
struct EffectOnRegistration: EventHandler {
    struct FirstAttemptFails: Error, CustomStringConvertible {
        var description: String { "a flaky community fails its first attempt" }
    }

    func handle(_ batch: [Delivered<CommunityRegistered>], on connection: PostgresConnection) async throws {
        for delivered in batch where delivered.event.name.hasPrefix("crash") {
            fatalError("community \(delivered.event.name) crashes its handler")
        }
        for delivered in batch where delivered.event.name.hasPrefix("poison") {
            throw PermanentFailure("community \(delivered.event.name) is poison")
        }
        for delivered in batch where delivered.event.name.hasPrefix("flaky") && delivered.context.attempt == 1 {
            throw FirstAttemptFails()
        }
        try await connection.pipeline(
            """
            INSERT INTO event_effects (community_id, message_id, attempt)
            SELECT * FROM unnest(\(batch.map(\.event.communityId))::uuid[], \(batch.map(\.context.messageID))::uuid[],
                                 \(batch.map { Int32($0.context.attempt) })::int4[])
            """)
    }
}

/// What a `probe-effect` timer carries.
public struct EffectNote: Codable, Sendable {
    public var note: String
    public init(note: String) { self.note = note }
}

/// Appends one row per fired timer.
struct EffectTimer: TimerHandler {
    let timerName = ProbeService.timerName

    func fire(_ timers: [DueTimer<EffectNote>], on connection: PostgresConnection) async throws {
        try await connection.pipeline(
            """
            INSERT INTO timer_effects (key, note, due_at)
            SELECT * FROM unnest(\(timers.map(\.key))::text[], \(timers.map(\.payload.note))::text[], \(timers.map(\.dueAt))::timestamptz[])
            """)
    }
}

/// Writes `started` to `worker_log` when it starts (so after the migrations) and `stopped` when
/// asked to stop (so while the database pool is still open).
struct LoggingWorker: Service {
    let postgres: PostgresClient

    func run() async throws {
        try await postgres.query("INSERT INTO worker_log (event) VALUES ('started')")
        try? await gracefulShutdown()
        try await postgres.query("INSERT INTO worker_log (event) VALUES ('stopped')")
    }
}
