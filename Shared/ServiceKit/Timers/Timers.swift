import Contracts
import Foundation
import Postgres

/// Durable timers in the service's own database: "remind the joint team on the 14th", "ask for
/// a reassessment in six months", "deliver this at 08:00 in the recipient's time zone".
///
/// A timer is a name (which ``TimerHandler`` fires it), a key (which of that name's timers:
/// a pairing, a delivery), a due instant and a JSON payload. It is written inside the caller's
/// transaction, so it exists if and only if the state change that asked for it committed; the
/// ``TimerService`` fires it once it is due, in one transaction with its deletion and whatever
/// the handler writes.
public struct Timers: Sendable {
    public init() {}

    /// Sets timer `name`/`key` to fire at `dueAt` with `payload`. A timer of the same name and
    /// key is rescheduled: its due instant and payload are replaced, and it fires once, at the
    /// new time.
    public func schedule<Payload: Encodable>(
        _ name: String, key: String, at dueAt: Date, payload: Payload, on connection: PostgresConnection
    ) async throws {
        let body = String(decoding: try ContractCoding.encode(payload), as: UTF8.self)
        try await connection.pipeline(
            """
            INSERT INTO timers (name, key, due_at, payload) VALUES (\(name), \(key), \(dueAt), \(body))
            ON CONFLICT (name, key) DO UPDATE SET due_at = excluded.due_at, payload = excluded.payload,
                attempts = 0, last_error = NULL, revision = nextval('timer_revisions'), scheduled_at = clock_timestamp()
            """)
    }

    /// Cancels timer `name`/`key`, if it has not fired; it then never fires.
    public func cancel(_ name: String, key: String, on connection: PostgresConnection) async throws {
        try await connection.pipeline("DELETE FROM timers WHERE name = \(name) AND key = \(key)")
    }
}
