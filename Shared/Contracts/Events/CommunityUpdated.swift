import Foundation

/// A registered community changed: `registry.community-updated.v1`. `changed` names the fields
/// that changed, and each of them carries its new value; the fields that did not change are
/// absent. `names` carries the whole new set of names when any of them changed.
public struct CommunityUpdated: IntegrationEvent {
    public static let eventType = MessageType(service: "registry", name: "community-updated", version: 1)

    @LowercasedUUID public var communityId: UUID
    /// The community's version after the change (its `ETag`); each change adds one.
    public var version: Int
    /// The fields that changed, in the API's names, e.g. `["names", "timeZone"]`.
    public var changed: [String]
    public var name: String?
    public var names: [String: String]?
    /// ISO 3166-1 alpha-2.
    public var country: String?
    public var region: String?
    public var timeZone: String?
    public var coordinates: Coordinates?
    public var languages: [String]?
    public var contactEmail: String?
    public var updatedAt: Date

    public init(
        communityId: UUID, version: Int, changed: [String], name: String? = nil, names: [String: String]? = nil, country: String? = nil,
        region: String? = nil,
        timeZone: String? = nil, coordinates: Coordinates? = nil, languages: [String]? = nil, contactEmail: String? = nil,
        updatedAt: Date
    ) {
        self.communityId = communityId
        self.version = version
        self.changed = changed
        self.name = name
        self.names = names
        self.country = country
        self.region = region
        self.timeZone = timeZone
        self.coordinates = coordinates
        self.languages = languages
        self.contactEmail = contactEmail
        self.updatedAt = updatedAt
    }
}
