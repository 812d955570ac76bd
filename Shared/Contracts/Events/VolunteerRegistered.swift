import Foundation

/// A volunteer joined the registry: `registry.volunteer-registered.v1`, correlated by the
/// volunteer's id. Carries personal data (name, contact channels): a consumer keeps only what
/// it needs, and removes it on `registry.volunteer-erased.v1`.
public struct VolunteerRegistered: IntegrationEvent {
    public static let eventType = MessageType(service: "registry", name: "volunteer-registered", version: 1)

    @LowercasedUUID public var volunteerId: UUID
    public var name: String
    /// The name in other scripts or languages, BCP 47 tag → name; absent when there are none.
    public var names: [String: String]?
    @LowercasedUUID public var homeCommunityId: UUID
    /// The side of their partnerships, from their home community.
    public var side: PartnershipSide
    /// BCP 47 tags in order of preference.
    public var languages: [String]
    /// IANA time zone: their own, or their community's.
    public var timeZone: String
    /// e.g. `host-family`, `educator`, `steering-committee`.
    public var roles: [String]
    public var contactChannels: [ContactChannel]
    public var registeredAt: Date

    public init(
        volunteerId: UUID, name: String, names: [String: String]?, homeCommunityId: UUID, side: PartnershipSide, languages: [String],
        timeZone: String, roles: [String], contactChannels: [ContactChannel], registeredAt: Date
    ) {
        self.volunteerId = volunteerId
        self.name = name
        self.names = names
        self.homeCommunityId = homeCommunityId
        self.side = side
        self.languages = languages
        self.timeZone = timeZone
        self.roles = roles
        self.contactChannels = contactChannels
        self.registeredAt = registeredAt
    }
}
