import Contracts
import Foundation

/// A request to register a community, as it arrives: every field optional so that a missing
/// one is reported by name with the others, not as a decoding failure.
public struct CommunityRegistration: Decodable, Sendable {
    public var name: String?
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
    }

    /// The checked registration, or every problem with it.
    func validated() -> Result<ValidRegistration, RegistrationRejected> {
        var problems: [RegistrationRejected.InvalidField] = []
        func require<Value>(_ value: Value?, _ field: String) -> Value? {
            if value == nil { problems.append(.init(name: field, reason: "is required")) }
            return value
        }

        let name = require(name?.trimmingCharacters(in: .whitespacesAndNewlines), "name")
        if let name, name.isEmpty || name.count > 200 {
            problems.append(.init(name: "name", reason: "must have 1 to 200 characters"))
        }

        var kind: CommunityKind?
        if let text = require(self.kind, "kind") {
            kind = CommunityKind(rawValue: text)
            if kind == nil {
                problems.append(.init(name: "kind", reason: "must be israeliLocality or globalCommunity, got '\(text)'"))
            }
        }

        let country = require(country, "country")
        if let country {
            if country.count != 2 || !country.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                problems.append(.init(name: "country", reason: "must be an ISO 3166-1 alpha-2 code such as IL or US, got '\(country)'"))
            } else if kind == .israeliLocality && country != "IL" {
                problems.append(.init(name: "country", reason: "an Israeli locality is in IL, got '\(country)'"))
            }
        }

        let region = require(region?.trimmingCharacters(in: .whitespacesAndNewlines), "region")
        if let region, region.isEmpty { problems.append(.init(name: "region", reason: "must not be empty")) }

        let timeZone = require(timeZone, "timeZone")
        if let timeZone, TimeZone(identifier: timeZone) == nil || !timeZone.contains("/") && timeZone != "UTC" {
            problems.append(.init(name: "timeZone", reason: "'\(timeZone)' is not an IANA time zone such as Asia/Jerusalem"))
        }

        var coordinates: Coordinates?
        if let input = require(self.coordinates, "coordinates") {
            let latitude = require(input.latitude, "coordinates.latitude")
            let longitude = require(input.longitude, "coordinates.longitude")
            if let latitude, !(-90...90).contains(latitude) {
                problems.append(.init(name: "coordinates.latitude", reason: "must be between -90 and 90, got \(latitude)"))
            }
            if let longitude, !(-180...180).contains(longitude) {
                problems.append(.init(name: "coordinates.longitude", reason: "must be between -180 and 180, got \(longitude)"))
            }
            if let latitude, let longitude { coordinates = Coordinates(latitude: latitude, longitude: longitude) }
        }

        let languages = require(languages, "languages")
        if let languages {
            if languages.isEmpty { problems.append(.init(name: "languages", reason: "must name at least one language")) }
            for (index, tag) in languages.enumerated() where !Self.isLanguageTag(tag) {
                problems.append(.init(name: "languages[\(index)]", reason: "'\(tag)' is not a BCP 47 language tag such as he, en or pt-BR"))
            }
        }

        let contactEmail = require(contactEmail?.trimmingCharacters(in: .whitespaces), "contactEmail")
        if let contactEmail, !Self.isEmailAddress(contactEmail) {
            problems.append(.init(name: "contactEmail", reason: "is not an email address"))
        }

        guard problems.isEmpty, let name, let kind, let country, let region, let timeZone, let coordinates, let languages,
            let contactEmail
        else { return .failure(RegistrationRejected(invalidFields: problems)) }
        return .success(
            ValidRegistration(
                name: name, kind: kind, country: country, region: region, timeZone: timeZone, coordinates: coordinates,
                languages: languages.map(Self.canonicalLanguageTag), contactEmail: contactEmail))
    }

    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// `pt-br` → `pt-BR`, `EN` → `en`.
    static func canonicalLanguageTag(_ tag: String) -> String {
        let parts = tag.split(separator: "-")
        return parts.enumerated().map { index, part in
            index == 0 ? part.lowercased() : part.count == 2 ? part.uppercased() : part.lowercased()
        }.joined(separator: "-")
    }

    static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64, text.count <= 254 else { return false }
        let domain = parts[1]
        return domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".")
            && domain.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
            && !text.contains(where: \.isWhitespace)
    }
}

extension CommunityRegistration {
    /// The same request, arrived as a `registry.register-community.v1` command.
    init(_ command: RegisterCommunity) {
        self.init(
            name: command.name, kind: command.kind.rawValue, country: command.country, region: command.region,
            timeZone: command.timeZone,
            coordinates: CoordinatesInput(latitude: command.coordinates.latitude, longitude: command.coordinates.longitude),
            languages: command.languages, contactEmail: command.contactEmail)
    }
}

/// A registration whose every field is checked.
struct ValidRegistration: Sendable {
    var name: String
    var kind: CommunityKind
    var country: String
    var region: String
    var timeZone: String
    var coordinates: Coordinates
    var languages: [String]
    var contactEmail: String
}
