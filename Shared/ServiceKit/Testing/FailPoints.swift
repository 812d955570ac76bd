import Foundation
import Logging
import Synchronization

/// Named points where a test can have the service stop dead, as a crash or a power cut would:
/// each one is inside a window where exactly-once delivery could break. Enabled only by
/// `P2G_FAIL_POINTS`, which production never sets: comma-separated names, each optionally with
/// `@N` to stop the Nth time the point is reached (`consumer.after-commit@3`), so that the kill
/// lands in the middle of a stream. A point reached while enabled kills the process with
/// SIGKILL, so nothing after it runs: no `COMMIT`, no acknowledgement, no cleanup.
///
/// One entry is a switch instead of a point: `inbox.unchecked` has consumers skip the inbox's
/// check, so that a test can show that the window tests fail without it.
public struct FailPoints: Sendable {
    /// A place where the process can be stopped.
    public struct Point: RawRepresentable, Hashable, Sendable, CaseIterable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// In the outbox relay, after the broker confirmed a batch, before the `COMMIT` that
        /// marks its rows sent.
        public static let relayAfterConfirm = Point(rawValue: "relay.after-confirm")
        /// In a consumer, after the `COMMIT` of a batch's effects and inbox rows, before the
        /// acknowledgements.
        public static let consumerAfterCommit = Point(rawValue: "consumer.after-commit")
        /// In a consumer, after the broker confirmed a message's retry copy, before the
        /// original is acknowledged.
        public static let consumerAfterRetryPublished = Point(rawValue: "consumer.after-retry-published")
        /// In a consumer, after the broker confirmed a message's parked copy, before the
        /// original is acknowledged.
        public static let consumerAfterParkPublished = Point(rawValue: "consumer.after-park-published")
        /// In the timer service, after the handlers ran, before the `COMMIT` that deletes the
        /// timers and keeps their effects.
        public static let timerBeforeCommit = Point(rawValue: "timer.before-commit")

        public static let allCases: [Point] = [
            .relayAfterConfirm, .consumerAfterCommit, .consumerAfterRetryPublished, .consumerAfterParkPublished, .timerBeforeCommit,
        ]
    }

    /// The switch that breaks the inbox on purpose.
    static let uncheckedInbox = "inbox.unchecked"

    /// The enabled points, each with the reach that kills (1 for the first).
    public let enabled: [Point: Int]
    /// Whether consumers skip the inbox's check (a test of the tests).
    public let inboxUnchecked: Bool
    private let reaches = Reaches()

    public init(_ enabled: [Point: Int] = [:], inboxUnchecked: Bool = false) {
        self.enabled = enabled
        self.inboxUnchecked = inboxUnchecked
    }

    /// Parses `P2G_FAIL_POINTS`; nil for a name that is not a fail point or a count that is not
    /// a positive number.
    init?(parsing text: String) {
        var points: [Point: Int] = [:]
        var inboxUnchecked = false
        for entry in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            if entry == Self.uncheckedInbox {
                inboxUnchecked = true
                continue
            }
            let parts = entry.split(separator: "@", maxSplits: 1).map(String.init)
            guard let point = Point.allCases.first(where: { $0.rawValue == parts[0] }) else { return nil }
            let reach = parts.count == 2 ? Int(parts[1]) : 1
            guard let reach, reach >= 1 else { return nil }
            points[point] = reach
        }
        self.init(points, inboxUnchecked: inboxUnchecked)
    }

    /// Kills the process when `point` is enabled and this is the reach it waits for.
    func reach(_ point: Point, logger: Logger) {
        guard let killingReach = enabled[point] else { return }
        guard reaches.count(point) == killingReach else { return }
        logger.critical("fail point reached; killing the process", metadata: ["fail_point": "\(point.rawValue)"])
        kill(getpid(), SIGKILL)
    }

    /// How often each point was reached.
    private final class Reaches: Sendable {
        private let counts = Mutex<[Point: Int]>([:])

        func count(_ point: Point) -> Int {
            counts.withLock { counts in
                counts[point, default: 0] += 1
                return counts[point, default: 0]
            }
        }
    }
}
