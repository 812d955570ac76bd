import Foundation

/// How temporary failures are retried: after `base`, doubling with each attempt up to
/// `maximumDelay`, each delay jittered by ±50% so that many failures of one outage do not come
/// back at once, at most `maximumAttempts` tries in all.
struct RetrySchedule: Sendable {
    var base: Duration
    var maximumDelay: Duration
    var maximumAttempts: Int

    /// The delay before attempt `attempts + 1`, after `attempts` failures; `jitter` in 0..<1.
    func delay(afterAttempts attempts: Int, jitter: Double) -> TimeInterval {
        let baseSeconds = Double(base.components.seconds) + Double(base.components.attoseconds) / 1e18
        let maximum = Double(maximumDelay.components.seconds) + Double(maximumDelay.components.attoseconds) / 1e18
        let exponential = min(maximum, baseSeconds * pow(2, Double(max(0, attempts - 1))))
        return exponential * (0.5 + jitter)
    }

    /// Whether another try is allowed after `attempts` tries.
    func allowsAnotherTry(after attempts: Int) -> Bool { attempts < maximumAttempts }
}
