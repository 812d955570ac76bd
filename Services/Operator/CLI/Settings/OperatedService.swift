import Contracts

/// A service the operator looks after: its name on the wire, its executable and HTTP port,
/// and whether it consumes events (and so has a work queue and a dead-letter queue).
public struct OperatedService: Sendable, Hashable, CustomStringConvertible {
    /// The short name on the wire, e.g. `notifications`.
    public let name: String
    /// The executable, e.g. `notifications`.
    public let executable: String
    /// Its default `P2G_HTTP_PORT`.
    public let defaultHTTPPort: Int
    /// Whether it consumes events.
    public let consumesEvents: Bool

    public static let registry = OperatedService(
        name: "registry", executable: "community-registry", defaultHTTPPort: 8081, consumesEvents: false)
    public static let matching = OperatedService(
        name: "matching", executable: "pairing-matching", defaultHTTPPort: 8082, consumesEvents: true)
    public static let scheduling = OperatedService(
        name: "scheduling", executable: "program-scheduling", defaultHTTPPort: 8083, consumesEvents: true)
    public static let notifications = OperatedService(
        name: "notifications", executable: "notifications", defaultHTTPPort: 8084, consumesEvents: true)

    /// The four services, in the order they are shown.
    public static let all: [OperatedService] = [registry, matching, scheduling, notifications]
    /// Those with a work queue and a dead-letter queue.
    public static let consumers: [OperatedService] = all.filter(\.consumesEvents)

    /// The service with this short name or executable name.
    public static func named(_ text: String) -> OperatedService? {
        let lowered = text.lowercased()
        return all.first { $0.name == lowered || $0.executable == lowered }
    }

    /// Its work queue, e.g. `notifications.events`.
    public var workQueue: String { MessagingNames.eventQueue(service: name) }
    /// Its dead-letter queue, e.g. `notifications.dead`.
    public var deadLetterQueue: String { MessagingNames.deadLetterQueue(service: name) }

    public var description: String { name }
}
