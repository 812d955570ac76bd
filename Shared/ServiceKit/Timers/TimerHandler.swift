import Foundation
import Postgres

/// What a service does when its timers of one name come due.
///
/// `fire` runs in the transaction that deletes the timers it receives: what it writes (state,
/// outbox rows, new timers, even the same name and key again for a recurring reminder)
/// commits together with their deletion. A crash before the `COMMIT` leaves the timers in
/// place and they fire again; after it, never. Throw ``PermanentFailure`` or any error to
/// have the timer tried again later, with a growing delay.
public protocol TimerHandler: Sendable {
    associatedtype Payload: Decodable & Sendable
    /// The name of the timers this handler fires, e.g. `reassessment-due`.
    var timerName: String { get }
    func fire(_ timers: [DueTimer<Payload>], on connection: PostgresConnection) async throws
}

/// A timer that came due.
public struct DueTimer<Payload: Sendable>: Sendable {
    public let name: String
    public let key: String
    /// When it was due; it fires at or after this instant, never before.
    public let dueAt: Date
    public let payload: Payload
    /// 1 the first time it fires, more after failures.
    public let attempt: Int
}
