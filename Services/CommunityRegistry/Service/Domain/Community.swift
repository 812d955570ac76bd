import Contracts
import Foundation

/// A community in the registry: an Israeli locality or a global Jewish community.
/// Its JSON is the API's representation: the contract's field names and formats.
public struct Community: Sendable, Equatable, Codable {
    @LowercasedUUID public var id: UUID
    /// The name shown by default, usually the English one.
    public var name: String
    /// The name in each language it is known by, language tag → name: `{"en": "Sderot", "he": "שדרות"}`.
    public var names: [String: String]
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
    /// 1 when registered, one more with each change: the representation's `ETag`.
    public var version: Int

    /// The event that tells the other services about it.
    var registeredEvent: CommunityRegistered {
        CommunityRegistered(
            communityId: id, name: name, kind: kind, country: country, region: region, timeZone: timeZone,
            coordinates: coordinates, languages: languages, contactEmail: contactEmail, registeredAt: registeredAt,
            names: names.isEmpty ? nil : names)
    }
}

extension Community {
    /// The community a checked registration makes, under the id and instant it was given.
    init(_ registration: ValidRegistration, id: UUID, registeredAt: Date) {
        self.init(
            id: id, name: registration.name, names: registration.names, kind: registration.kind, country: registration.country,
            region: registration.region, timeZone: registration.timeZone, coordinates: registration.coordinates,
            languages: registration.languages, contactEmail: registration.contactEmail, registeredAt: registeredAt, version: 1)
    }
}
