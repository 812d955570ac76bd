/// What `GET /health/ready` answers: whether the service can do its work now, and the state of
/// each thing it depends on. 200 when ready, 503 otherwise.
public struct ReadinessReport: Codable, Sendable, Equatable {
    public var status: Status
    public var service: String
    public var instance: String
    public var database: Dependency
    public var broker: Dependency
    public var consumers: [Consumer]
    public var outbox: Outbox?

    public enum Status: String, Codable, Sendable {
        case ready
        case unready
    }

    /// A server the service depends on.
    public struct Dependency: Codable, Sendable, Equatable {
        public var ok: Bool
        /// e.g. "connected", or the error that stops it.
        public var detail: String
        /// Seconds since the dependency was lost, when it is.
        public var disconnectedForSeconds: Double?
    }

    /// A queue the service consumes.
    public struct Consumer: Codable, Sendable, Equatable {
        public var queue: String
        public var running: Bool
    }

    /// Events written but not yet confirmed by the broker.
    public struct Outbox: Codable, Sendable, Equatable {
        public var backlog: Int
        public var oldestAgeSeconds: Double
    }
}
