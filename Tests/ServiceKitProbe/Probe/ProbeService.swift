import Contracts
import Foundation
import Postgres
import ServiceKit

/// A service made of ServiceKit's parts alone, for the tests of those parts: its one timer,
/// `probe-effect`, appends a row to `timer_effects` each time it fires. Nothing keys that table,
/// so a timer fired twice shows as two rows.
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
                    """)
        ],
        apiDocument: #"{"openapi": "3.1.0", "info": {"title": "p2g ServiceKit probe", "version": "1"}, "paths": {}}"#,
        components: { _ in ServiceComponents(timerHandlers: [EffectTimer()]) })

    /// The timer's name.
    public static let timerName = "probe-effect"
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
