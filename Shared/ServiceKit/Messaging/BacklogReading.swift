import Synchronization

/// The outbox backlog as last measured: unsent rows and the age of the oldest.
final class BacklogReading: Sendable {
    private let value = Mutex<(count: Int, oldestAgeSeconds: Double)?>(nil)

    func record(count: Int, oldestAgeSeconds: Double) {
        value.withLock { $0 = (count, oldestAgeSeconds) }
    }

    var latest: (count: Int, oldestAgeSeconds: Double)? { value.withLock { $0 } }
}
