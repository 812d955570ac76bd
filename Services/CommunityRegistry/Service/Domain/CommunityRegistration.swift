import Contracts
import Foundation

/// A request to register a community, as it arrives: every field optional so that a missing
/// one is reported by name with the others, not as a decoding failure.
public struct CommunityRegistration: Decodable, Sendable {
    public var name: String?
    /// The name in other languages, language tag → name.
    public var names: [String: String]?
    public var kind: String?
    public var country: String?
    public var region: String?
    public var timeZone: String?
    public var coordinates: CoordinatesInput?
    public var languages: [String]?
    public var contactEmail: String?

    public struct CoordinatesInput: Decodable, Sendable {
        public var latitude: Double?
        public var longitude: Double?

        /// The point, when both degrees are given and on the earth.
        func checked(_ checks: inout FieldChecks, _ field: String) -> Coordinates? {
            let latitude = checks.require(latitude, "\(field).latitude")
            let longitude = checks.require(longitude, "\(field).longitude")
            var onEarth = true
            if let latitude, !(-90...90).contains(latitude) {
                checks.refuse("\(field).latitude", "must be between -90 and 90, got \(latitude)")
                onEarth = false
            }
            if let longitude, !(-180...180).contains(longitude) {
                checks.refuse("\(field).longitude", "must be between -180 and 180, got \(longitude)")
                onEarth = false
            }
            guard onEarth, let latitude, let longitude else { return nil }
            return Coordinates(latitude: latitude, longitude: longitude)
        }
    }

    /// The checked registration, or every problem with it.
    func validated() -> Result<ValidRegistration, InvalidInput> {
        var checks = FieldChecks()
        let names = checks.names(self.names, "names")
        // Without a name, the English one of the names is the name shown by default.
        let name = checks.text(self.name ?? self.names?["en"], "name")

        var kind: CommunityKind?
        if let text = checks.require(self.kind, "kind") {
            kind = CommunityKind(rawValue: text)
            if kind == nil {
                checks.refuse("kind", "must be israeliLocality or globalCommunity, got '\(text.filter { !FieldChecks.isControl($0) })'")
            }
        }

        let country = checks.country(country, "country")
        if let country, kind == .israeliLocality && country != "IL" {
            checks.refuse("country", "an Israeli locality is in IL, got '\(country)'")
        }
        let region = checks.text(region, "region")
        let timeZone = checks.timeZone(timeZone, "timeZone")
        let coordinates = checks.require(coordinates, "coordinates").flatMap { $0.checked(&checks, "coordinates") }
        let languages = checks.languages(languages, "languages")
        let contactEmail = checks.email(contactEmail, "contactEmail")

        return checks.verdict("the community cannot be registered") {
            guard let name, let kind, let country, let region, let timeZone, let coordinates, let languages, let contactEmail else {
                return nil
            }
            return ValidRegistration(
                name: name, names: names ?? [:], kind: kind, country: country, region: region, timeZone: timeZone,
                coordinates: coordinates, languages: languages, contactEmail: contactEmail)
        }
    }
}

extension CommunityRegistration {
    /// The same request, arrived as a `registry.register-community.v1` command.
    init(_ command: RegisterCommunity) {
        self.init(
            name: command.name, names: command.names, kind: command.kind.rawValue, country: command.country, region: command.region,
            timeZone: command.timeZone,
            coordinates: CoordinatesInput(latitude: command.coordinates.latitude, longitude: command.coordinates.longitude),
            languages: command.languages, contactEmail: command.contactEmail)
    }
}

/// A registration whose every field is checked.
struct ValidRegistration: Sendable {
    var name: String
    var names: [String: String]
    var kind: CommunityKind
    var country: String
    var region: String
    var timeZone: String
    var coordinates: Coordinates
    var languages: [String]
    var contactEmail: String
}
