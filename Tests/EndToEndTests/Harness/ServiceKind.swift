import Contracts
import ServiceKitProbe

/// One of the four services, or the probe: its executable, its name on the wire, and the read model where a
/// consumer's effects show.
enum ServiceKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case registry
    case matching
    case scheduling
    case notifications
    /// ServiceKit's parts alone (`servicekit-probe`): a timer whose every firing appends a row.
    case probe

    /// The three services that consume `registry.community-registered.v1`.
    static let consumers: [ServiceKind] = [.matching, .scheduling, .notifications]

    /// The service in the catalog.
    var identity: ServiceIdentity {
        switch self {
        case .registry: .registry
        case .matching: .matching
        case .scheduling: .scheduling
        case .notifications: .notifications
        case .probe: ProbeService.identity
        }
    }

    /// The executable `swift build` makes.
    var executableName: String { identity.executable }

    /// The short name on the wire: queues are `<name>.events`, `<name>.commands`, `<name>.dead`.
    var wireName: String { identity.name }

    var workQueue: String { identity.eventQueue }
    var commandQueue: String { identity.commandQueue }
    var deadLetterQueue: String { identity.deadLetterQueue }

    /// The table that holds one row per community the service knows.
    var communityTable: String {
        switch self {
        case .registry: "communities"
        case .matching: "candidate_communities"
        case .scheduling: "community_locations"
        case .notifications: "recipients"
        case .probe: "event_effects"
        }
    }

    /// The table's community id column.
    var communityColumn: String {
        switch self {
        case .registry: "id"
        case .matching, .scheduling, .notifications: "community_id"
        case .probe: "community_id"
        }
    }

    var description: String { rawValue }
}
