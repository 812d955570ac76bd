import Contracts
import Foundation

/// A change to a volunteer, as `PATCH /volunteers/{id}` sends it: each field present is set
/// (`roles`, `languages` and `contactChannels` as whole lists), each absent one kept; `names`
/// merges language by language, null removing one. The home community does not change.
public struct VolunteerChange: Decodable, Sendable {
    public var name: String?
    public var names: [String: String?]?
    public var homeCommunityId: String?
    public var languages: [String]?
    public var timeZone: String?
    public var roles: [String]?
    public var contactChannels: [ContactChannelInput]?

    /// The volunteer with the change applied and the fields that changed, or every problem.
    func applied(to volunteer: Volunteer) -> Result<(volunteer: Volunteer, changed: [String]), InvalidInput> {
        var checks = FieldChecks()
        var changed = volunteer
        if let homeCommunityId, UUID(uuidString: homeCommunityId) != volunteer.homeCommunityId {
            checks.refuse("homeCommunityId", "cannot change: it decides the side of the volunteer's committee seats")
        }
        if let name = checks.text(name, "name", required: false) { changed.name = name }
        if let names {
            for (tag, name) in names.sorted(by: { $0.key < $1.key }) {
                guard let canonical = checks.languageTag(tag, "names.\(tag)") else { continue }
                if let name {
                    if let text = checks.text(name, "names.\(tag)") { changed.names[canonical] = text }
                } else {
                    changed.names[canonical] = nil
                }
            }
        }
        if let languages = checks.languages(languages, "languages", required: false) { changed.languages = languages }
        if let timeZone = checks.timeZone(timeZone, "timeZone", required: false) { changed.timeZone = timeZone }
        if let roles = checks.roles(roles, "roles") { changed.roles = roles }
        if let contactChannels, let channels = ContactChannelInput.checked(contactChannels, &checks, "contactChannels") {
            changed.contactChannels = channels
        }
        let fields: [(String, Bool)] = [
            ("name", changed.name != volunteer.name), ("names", changed.names != volunteer.names),
            ("languages", changed.languages != volunteer.languages), ("timeZone", changed.timeZone != volunteer.timeZone),
            ("roles", changed.roles != volunteer.roles), ("contactChannels", changed.contactChannels != volunteer.contactChannels),
        ]
        let result = (volunteer: changed, changed: fields.filter(\.1).map(\.0))
        return checks.verdict("the volunteer cannot be changed") { result }
    }
}
