import Foundation

/// Where a connection stands, for readiness checks and for deciding to give up.
public enum AMQPConnectionState: Sendable, Equatable {
    /// The first connection is being opened.
    case connecting
    /// Connected to the broker since the given time.
    case connected(since: Date)
    /// Cut off from the broker since the given time, trying again; `attempts` have failed so
    /// far, the last with `lastError`.
    case reconnecting(since: Date, attempts: Int, lastError: AMQPError)
    /// Closed by its owner.
    case closed
    /// Gave up: the first connection failed, or reconnecting took longer than the cut-off.
    case failed(AMQPError)

    /// Whether requests reach the broker now.
    public var isConnected: Bool {
        if case .connected = self { return true }
        return false
    }

    /// Since when the connection has been cut off from the broker, if it is.
    public var disconnectedSince: Date? {
        if case .reconnecting(let since, _, _) = self { return since }
        return nil
    }
}
