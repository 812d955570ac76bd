import Contracts
import Foundation

/// A change to a registered community, as `PATCH /communities/{id}` sends it: each field
/// present is set, each absent one is kept. `names` is merged language by language, and a
/// language set to null is removed (RFC 7396). The kind, which decides the community's side
/// in its partnerships, does not change.
public struct CommunityChange: Decodable, Sendable {
    public var name: String?
    public var names: [String: String?]?
    public var kind: String?
    public var country: String?
    public var region: String?
    public var timeZone: String?
    public var coordinates: CommunityRegistration.CoordinatesInput?
    public var languages: [String]?
    public var contactEmail: String?

    /// The community with the change applied and the fields that changed in it (none for a
    /// change that sets what is already there), or every problem with the change.
    func applied(to community: Community) -> Result<(community: Community, changed: [String]), InvalidInput> {
        var checks = FieldChecks()
        var changed = community
        if let kind, kind != community.kind.rawValue {
            checks.refuse("kind", "cannot change: a community stays \(community.kind.rawValue)")
        }
        if let name = checks.text(name, "name", required: false) { changed.name = name }
        if let names {
            var merged = changed.names
            for (tag, name) in names.sorted(by: { $0.key < $1.key }) {
                guard let canonical = checks.languageTag(tag, "names.\(tag)") else { continue }
                if let name {
                    if let text = checks.text(name, "names.\(tag)") { merged[canonical] = text }
                } else {
                    merged[canonical] = nil
                }
            }
            changed.names = merged
        }
        if let country = checks.country(country, "country", required: false) {
            if community.kind == .israeliLocality && country != "IL" {
                checks.refuse("country", "an Israeli locality is in IL, got '\(country)'")
            }
            changed.country = country
        }
        if let region = checks.text(region, "region", required: false) { changed.region = region }
        if let timeZone = checks.timeZone(timeZone, "timeZone", required: false) { changed.timeZone = timeZone }
        if let coordinates, let point = coordinates.checked(&checks, "coordinates") { changed.coordinates = point }
        if let languages = checks.languages(languages, "languages", required: false) { changed.languages = languages }
        if let contactEmail = checks.email(contactEmail, "contactEmail", required: false) { changed.contactEmail = contactEmail }

        let fields: [(String, Bool)] = [
            ("name", changed.name != community.name), ("names", changed.names != community.names),
            ("country", changed.country != community.country), ("region", changed.region != community.region),
            ("timeZone", changed.timeZone != community.timeZone), ("coordinates", changed.coordinates != community.coordinates),
            ("languages", changed.languages != community.languages), ("contactEmail", changed.contactEmail != community.contactEmail),
        ]
        let result = (community: changed, changed: fields.filter(\.1).map(\.0))
        return checks.verdict("the community cannot be changed") { result }
    }
}

extension Community {
    /// The event that tells the other services what changed: the fields named, with their new values.
    func updatedEvent(changed fields: [String], at instant: Date) -> CommunityUpdated {
        let has = Set(fields)
        return CommunityUpdated(
            communityId: id, version: version, changed: fields, name: has.contains("name") ? name : nil,
            names: has.contains("names") ? names : nil, country: has.contains("country") ? country : nil,
            region: has.contains("region") ? region : nil, timeZone: has.contains("timeZone") ? timeZone : nil,
            coordinates: has.contains("coordinates") ? coordinates : nil, languages: has.contains("languages") ? languages : nil,
            contactEmail: has.contains("contactEmail") ? contactEmail : nil, updatedAt: instant)
    }
}
