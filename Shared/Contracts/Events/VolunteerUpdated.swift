import Foundation

/// A volunteer's record changed: `registry.volunteer-updated.v1`. `changed` names the fields
/// that changed, and each carries its new value (`contactChannels` and `names` whole); the
/// others are absent. The home community does not change (it decides the side of the
/// volunteer's committee seats, past ones included).
public struct VolunteerUpdated: IntegrationEvent {
    public static let eventType = MessageType(service: "registry", name: "volunteer-updated", version: 1)

    @LowercasedUUID public var volunteerId: UUID
    /// The version after the change (its `ETag`).
    public var version: Int
    /// e.g. `["languages", "contactChannels"]`.
    public var changed: [String]
    public var name: String?
    public var names: [String: String]?
    public var languages: [String]?
    public var timeZone: String?
    public var roles: [String]?
    public var contactChannels: [ContactChannel]?
    public var updatedAt: Date

    public init(
        volunteerId: UUID, version: Int, changed: [String], name: String? = nil, names: [String: String]? = nil,
        languages: [String]? = nil, timeZone: String? = nil,
        roles: [String]? = nil, contactChannels: [ContactChannel]? = nil, updatedAt: Date
    ) {
        self.volunteerId = volunteerId
        self.version = version
        self.changed = changed
        self.name = name
        self.names = names
        self.languages = languages
        self.timeZone = timeZone
        self.roles = roles
        self.contactChannels = contactChannels
        self.updatedAt = updatedAt
    }
}
