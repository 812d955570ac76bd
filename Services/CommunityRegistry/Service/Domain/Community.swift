import Contracts
import Foundation

/// A community in the registry: an Israeli locality or a global Jewish community.
/// Its JSON is the API's representation: the contract's field names and formats.
public struct Community: Sendable, Equatable, Codable {
    @LowercasedUUID public var id: UUID
    public var name: String
    public var kind: CommunityKind
    /// ISO 3166-1 alpha-2.
    public var country: String
    public var region: String
    /// IANA time zone.
    public var timeZone: String
    public var coordinates: Coordinates
    /// BCP 47 tags, in order of preference.
    public var languages: [String]
    public var contactEmail: String
    public var registeredAt: Date

    /// The event that tells the other services about it.
    var registeredEvent: CommunityRegistered {
        CommunityRegistered(
            communityId: id, name: name, kind: kind, country: country, region: region, timeZone: timeZone,
            coordinates: coordinates, languages: languages, contactEmail: contactEmail, registeredAt: registeredAt)
    }
}

extension Community {
    /// The community a checked registration makes, under the id and instant it was given.
    init(_ registration: ValidRegistration, id: UUID, registeredAt: Date) {
        self.init(
            id: id, name: registration.name, kind: registration.kind, country: registration.country, region: registration.region,
            timeZone: registration.timeZone, coordinates: registration.coordinates, languages: registration.languages,
            contactEmail: registration.contactEmail, registeredAt: registeredAt)
    }
}
