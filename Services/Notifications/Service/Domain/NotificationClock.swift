import Foundation
import Synchronization

/// What time it is for the notifications' rules (quiet hours, Shabbat holds, retries): the
/// system's clock in service, a clock the test sets in tests.
public protocol NotificationClock: Sendable {
    func now() -> Date
}

/// The system's clock.
public struct SystemClock: NotificationClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that says what it is told, for tests: it stands still until set again.
public final class SettableClock: NotificationClock {
    private let instant: Mutex<Date>

    public init(_ instant: Date) {
        self.instant = Mutex(instant)
    }

    public func now() -> Date { instant.withLock { $0 } }

    public func set(_ newInstant: Date) {
        instant.withLock { $0 = newInstant }
    }
}

/// A clock that starts at a given instant when the service starts and runs at the system's
/// pace from there, for tests of the whole executable (`P2G_NOTIFICATIONS_CLOCK`): their e-mails
/// must not wait for a Shabbat or a night that the wall clock happens to be in.
struct ShiftedClock: NotificationClock {
    let offset: TimeInterval

    init(startingAt instant: Date) {
        offset = instant.timeIntervalSince(Date())
    }

    func now() -> Date { Date().addingTimeInterval(offset) }
}
