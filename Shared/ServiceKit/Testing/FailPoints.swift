import Foundation
import Logging

/// Named points where a test can have the service stop dead, as a crash or a power cut would:
/// each one is inside a window where exactly-once delivery could break. Enabled only by
/// `P2G_FAIL_POINTS` (comma-separated names), which production never sets; a point reached
/// while enabled kills the process with SIGKILL, so nothing after it runs: no `COMMIT`, no
/// acknowledgement, no cleanup.
public struct FailPoints: Sendable, Equatable {
    /// A place where the process can be stopped.
    public struct Point: RawRepresentable, Hashable, Sendable, CaseIterable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// In the timer service, after the handlers ran, before the `COMMIT` that deletes the
        /// timers and keeps their effects.
        public static let timerBeforeCommit = Point(rawValue: "timer.before-commit")

        public static let allCases: [Point] = [.timerBeforeCommit]
    }

    public let enabled: Set<Point>

    public init(_ enabled: Set<Point> = []) {
        self.enabled = enabled
    }

    /// Parses `P2G_FAIL_POINTS`; nil for a name that is not a fail point.
    init?(parsing text: String) {
        var points: Set<Point> = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let point = Point.allCases.first(where: { $0.rawValue == name }) else { return nil }
            points.insert(point)
        }
        enabled = points
    }

    /// Kills the process at `point` when it is enabled.
    func reach(_ point: Point, logger: Logger) {
        guard enabled.contains(point) else { return }
        logger.critical("fail point reached; killing the process", metadata: ["fail_point": "\(point.rawValue)"])
        kill(getpid(), SIGKILL)
    }
}
