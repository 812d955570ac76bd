import Foundation

/// A community joined the registry: an Israeli locality (a town, kibbutz or moshav, often in a
/// national priority area) or a global Jewish community. `registry.community-registered.v1`.
public struct CommunityRegistered: IntegrationEvent {
    public static let eventType = MessageType(service: "registry", name: "community-registered", version: 1)

    @LowercasedUUID public var communityId: UUID
    /// The name the registry shows by default (usually the English one).
    public var name: String
    /// The community's name in each language it is known by, BCP 47 tag → name, e.g.
    /// `{"en": "Sderot", "he": "שדרות"}`. Absent from producers before it was added.
    public var names: [String: String]?
    public var kind: CommunityKind
    /// ISO 3166-1 alpha-2, e.g. `IL`, `US`.
    public var country: String
    /// e.g. `Western Galilee`, `Western Negev`, `Iowa`.
    public var region: String
    /// IANA time zone, e.g. `Asia/Jerusalem`, `America/Chicago`.
    public var timeZone: String
    public var coordinates: Coordinates
    /// BCP 47 language tags in order of preference, e.g. `["he", "en"]`.
    public var languages: [String]
    /// The address the community's coordinators read; notifications go there.
    public var contactEmail: String
    public var registeredAt: Date

    public init(
        communityId: UUID, name: String, kind: CommunityKind, country: String, region: String, timeZone: String,
        coordinates: Coordinates, languages: [String], contactEmail: String, registeredAt: Date, names: [String: String]? = nil
    ) {
        self.communityId = communityId
        self.name = name
        self.names = names
        self.kind = kind
        self.country = country
        self.region = region
        self.timeZone = timeZone
        self.coordinates = coordinates
        self.languages = languages
        self.contactEmail = contactEmail
        self.registeredAt = registeredAt
    }
}

/// Which side of a partnership a community is on.
public enum CommunityKind: String, Codable, Sendable, CaseIterable {
    /// A town, kibbutz or moshav in Israel.
    case israeliLocality
    /// A Jewish community abroad.
    case globalCommunity
}

/// A point on the earth, in decimal degrees.
public struct Coordinates: Codable, Sendable, Equatable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}
