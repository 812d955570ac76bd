import Contracts
import Foundation

/// A request to register a volunteer, as it arrives; every field optional so that each
/// missing or wrong one is named with the others. The reasons never repeat a contact detail.
public struct VolunteerRegistration: Decodable, Sendable {
    public var name: String?
    public var names: [String: String]?
    public var homeCommunityId: String?
    public var languages: [String]?
    /// Their community's when absent.
    public var timeZone: String?
    public var roles: [String]?
    public var contactChannels: [ContactChannelInput]?

    /// The home community's id, when it is one, to be looked up before ``validated(home:)``.
    var homeCommunity: UUID? { homeCommunityId.flatMap(UUID.init(uuidString:)) }

    /// The volunteer, given their home community as the registry knows it (nil: unknown).
    func validated(home: CommunitySummary?) -> Result<ValidVolunteer, InvalidInput> {
        var checks = FieldChecks()
        let name = checks.text(name, "name")
        let names = checks.names(names, "names")
        var community: CommunitySummary?
        if let text = checks.require(homeCommunityId, "homeCommunityId") {
            if UUID(uuidString: text) == nil {
                checks.refuse("homeCommunityId", "is not a community id (a UUID)")
            } else if home == nil {
                checks.refuse("homeCommunityId", "no community has this id")
            } else {
                community = home
            }
        }
        let languages = checks.languages(languages, "languages")
        let timeZone = checks.timeZone(timeZone, "timeZone", required: false)
        let roles = checks.roles(roles ?? [], "roles")
        let channels = ContactChannelInput.checked(contactChannels ?? [], &checks, "contactChannels")
        return checks.verdict("the volunteer cannot be registered") {
            guard let name, let community, let languages, let roles, let channels else { return nil }
            return ValidVolunteer(
                name: name, names: names ?? [:], home: community, languages: languages, timeZone: timeZone ?? community.timeZone,
                roles: roles, contactChannels: channels)
        }
    }
}

/// A volunteer whose every field is checked.
struct ValidVolunteer: Sendable {
    var name: String
    var names: [String: String]
    var home: CommunitySummary
    var languages: [String]
    var timeZone: String
    var roles: [String]
    var contactChannels: [ContactChannel]
}

extension Volunteer {
    /// The volunteer a checked registration makes.
    init(_ valid: ValidVolunteer, id: UUID, registeredAt: Date) {
        self.init(
            id: id, name: valid.name, names: valid.names, homeCommunityId: valid.home.id, side: valid.home.side,
            languages: valid.languages, timeZone: valid.timeZone, roles: valid.roles, contactChannels: valid.contactChannels,
            registeredAt: registeredAt, version: 1, erasedAt: nil)
    }
}
