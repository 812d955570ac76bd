import Foundation

/// Asks the registry to register a community, as `POST /communities` does: for an automated
/// workflow that enrols communities through the broker. `registry.register-community.v1` on
/// `p2g.commands`. The registry handles each message once (its inbox), and parks a command
/// whose fields it refuses on `registry.dead`, naming every invalid field.
public struct RegisterCommunity: IntegrationCommand {
    public static let commandType = MessageType(service: "registry", name: "register-community", version: 1)

    public var name: String
    /// The name in each language it is known by, BCP 47 tag → name; optional.
    public var names: [String: String]?
    public var kind: CommunityKind
    /// ISO 3166-1 alpha-2, e.g. `IL`, `US`.
    public var country: String
    /// e.g. `Western Galilee`, `Western Negev`, `Iowa`.
    public var region: String
    /// IANA time zone, e.g. `Asia/Jerusalem`.
    public var timeZone: String
    public var coordinates: Coordinates
    /// BCP 47 language tags in order of preference.
    public var languages: [String]
    /// The address the community's coordinators read.
    public var contactEmail: String

    public init(
        name: String, kind: CommunityKind, country: String, region: String, timeZone: String, coordinates: Coordinates,
        languages: [String], contactEmail: String, names: [String: String]? = nil
    ) {
        self.name = name
        self.names = names
        self.kind = kind
        self.country = country
        self.region = region
        self.timeZone = timeZone
        self.coordinates = coordinates
        self.languages = languages
        self.contactEmail = contactEmail
    }
}
