/// One of the four services, as operators and other teams know it: its name on the wire, its
/// executable, its default HTTP port and the queues named after it. Written once here and read
/// by ServiceKit, `p2gctl` and the tests. Which events and commands a service consumes is not
/// here: it follows from the handlers the service registers.
public struct ServiceIdentity: Sendable, Hashable, CustomStringConvertible {
    /// The short name on the wire, e.g. `notifications`: the prefix of its queues, its
    /// commands' types and its events' types.
    public let name: String
    /// The executable, e.g. `pairing-matching`.
    public let executable: String
    /// Its `P2G_HTTP_PORT` unless set.
    public let defaultHTTPPort: Int

    public init(name: String, executable: String, defaultHTTPPort: Int) {
        self.name = name
        self.executable = executable
        self.defaultHTTPPort = defaultHTTPPort
    }

    /// The queue of the events it consumes, e.g. `notifications.events`.
    public var eventQueue: String { MessagingNames.eventQueue(service: name) }
    /// The queue of the commands addressed to it, e.g. `registry.commands`.
    public var commandQueue: String { MessagingNames.commandQueue(service: name) }
    /// Where its parked messages wait, e.g. `notifications.dead`.
    public var deadLetterQueue: String { MessagingNames.deadLetterQueue(service: name) }
    /// The queues it can take work from, in the order they are shown.
    public var workQueues: [String] { [eventQueue, commandQueue] }

    public var description: String { name }
}

/// The catalog: the four services.
extension ServiceIdentity {
    public static let registry = ServiceIdentity(name: "registry", executable: "community-registry", defaultHTTPPort: 8081)
    public static let matching = ServiceIdentity(name: "matching", executable: "pairing-matching", defaultHTTPPort: 8082)
    public static let scheduling = ServiceIdentity(name: "scheduling", executable: "program-scheduling", defaultHTTPPort: 8083)
    public static let notifications = ServiceIdentity(name: "notifications", executable: "notifications", defaultHTTPPort: 8084)

    /// The four, in the order they are shown.
    public static let all: [ServiceIdentity] = [registry, matching, scheduling, notifications]

    /// The service with this short name or executable name.
    public static func named(_ text: String) -> ServiceIdentity? {
        let lowered = text.lowercased()
        return all.first { $0.name == lowered || $0.executable == lowered }
    }
}
