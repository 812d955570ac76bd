import Contracts
import Foundation

/// A volunteer as the API shows them. Once erased, only what history needs is left: the id,
/// the home community and its side, the roles, and when they were erased.
public struct Volunteer: Sendable, Equatable, Codable {
    @LowercasedUUID public var id: UUID
    /// Absent once erased.
    public var name: String?
    /// The name in other scripts or languages, language tag → name.
    public var names: [String: String]
    @LowercasedUUID public var homeCommunityId: UUID
    public var side: PartnershipSide
    /// BCP 47 tags in order of preference.
    public var languages: [String]
    /// IANA time zone; absent once erased.
    public var timeZone: String?
    public var roles: [String]
    public var contactChannels: [ContactChannel]
    public var registeredAt: Date
    /// The representation's `ETag`.
    public var version: Int
    public var erasedAt: Date?

    /// What is left of the volunteer once erased.
    func erased(at instant: Date) -> Volunteer {
        Volunteer(
            id: id, name: nil, names: [:], homeCommunityId: homeCommunityId, side: side, languages: [], timeZone: nil, roles: roles,
            contactChannels: [], registeredAt: registeredAt, version: version + 1, erasedAt: instant)
    }

    var registeredEvent: VolunteerRegistered {
        VolunteerRegistered(
            volunteerId: id, name: name ?? "", names: names.isEmpty ? nil : names, homeCommunityId: homeCommunityId, side: side,
            languages: languages, timeZone: timeZone ?? "UTC", roles: roles, contactChannels: contactChannels, registeredAt: registeredAt)
    }

    /// The event that tells the other services what changed: the fields named, with their new values.
    func updatedEvent(changed fields: [String], at instant: Date) -> VolunteerUpdated {
        let has = Set(fields)
        return VolunteerUpdated(
            volunteerId: id, version: version, changed: fields, name: has.contains("name") ? name : nil,
            names: has.contains("names") ? names : nil, languages: has.contains("languages") ? languages : nil,
            timeZone: has.contains("timeZone") ? timeZone : nil, roles: has.contains("roles") ? roles : nil,
            contactChannels: has.contains("contactChannels") ? contactChannels : nil, updatedAt: instant)
    }
}
