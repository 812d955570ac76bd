/// One of the four services: its executable, its name on the wire, and the read model where a
/// consumer's effects show.
enum ServiceKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case registry
    case matching
    case scheduling
    case notifications

    /// The three services that consume `registry.community-registered.v1`.
    static let consumers: [ServiceKind] = [.matching, .scheduling, .notifications]

    /// The executable `swift build` makes.
    var executableName: String {
        switch self {
        case .registry: "community-registry"
        case .matching: "pairing-matching"
        case .scheduling: "program-scheduling"
        case .notifications: "notifications"
        }
    }

    /// The short name on the wire: queues are `<name>.events`, `<name>.dead`, `<name>.retry-<delay>`.
    var wireName: String { rawValue }

    var workQueue: String { "\(wireName).events" }
    var deadLetterQueue: String { "\(wireName).dead" }

    /// The table that holds one row per community the service knows.
    var communityTable: String {
        switch self {
        case .registry: "communities"
        case .matching: "candidate_communities"
        case .scheduling: "community_locations"
        case .notifications: "recipients"
        }
    }

    /// The table's community id column.
    var communityColumn: String {
        switch self {
        case .registry: "id"
        case .matching, .scheduling, .notifications: "community_id"
        }
    }

    var description: String { rawValue }
}
