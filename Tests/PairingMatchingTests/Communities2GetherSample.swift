import Contracts
import Foundation

/// A small Communities2Gether world as the registry announces it: impacted communities of the
/// Gaza border and the Western Negev, global communities from Chicago to Melbourne, one
/// partnership between Chicago and the Western Negev, and volunteers for joint teams.
struct Communities2GetherSample: Sendable {
    static let registeredAt = Date(timeIntervalSince1970: 1_716_458_400)

    static func israeli(_ name: String, _ order: Int, region: String = "Western Negev", languages: [String] = ["he", "en"])
        -> CommunityRegistered
    {
        CommunityRegistered(
            communityId: UUID(), name: name, kind: .israeliLocality, country: "IL", region: region, timeZone: "Asia/Jerusalem",
            coordinates: Coordinates(latitude: 31.4, longitude: 34.4), languages: languages,
            contactEmail: "office@\(name.lowercased().replacingOccurrences(of: " ", with: "-")).example",
            registeredAt: registeredAt.addingTimeInterval(Double(order)))
    }

    static func global(_ name: String, _ order: Int, country: String, region: String, timeZone: String, languages: [String] = ["en"])
        -> CommunityRegistered
    {
        CommunityRegistered(
            communityId: UUID(), name: name, kind: .globalCommunity, country: country, region: region, timeZone: timeZone,
            coordinates: Coordinates(latitude: 40, longitude: -80), languages: languages,
            contactEmail: "office@\(name.lowercased().replacingOccurrences(of: " ", with: "-")).example",
            registeredAt: registeredAt.addingTimeInterval(Double(order)))
    }

    let sderot = israeli("Sderot", 0)
    let kfarAza = israeli("Kfar Aza", 1, region: "Gaza Envelope")
    let nirOz = israeli("Nir Oz", 2, region: "Gaza Envelope", languages: ["he"])
    let chicago = global("Chicago", 3, country: "US", region: "Illinois", timeZone: "America/Chicago")
    let desMoines = global("Des Moines", 4, country: "US", region: "Iowa", timeZone: "America/Chicago", languages: ["en", "ru"])
    let melbourne = global("Melbourne", 5, country: "AU", region: "Victoria", timeZone: "Australia/Melbourne", languages: ["en", "he"])
    let paris = global("Paris", 6, country: "FR", region: "Île-de-France", timeZone: "Europe/Paris", languages: ["fr", "he"])

    var communities: [CommunityRegistered] { [sderot, kfarAza, nirOz, chicago, desMoines, melbourne, paris] }
    var impacted: [CommunityRegistered] { [sderot, kfarAza, nirOz] }

    /// Chicago has long been partnered with the Western Negev (Sderot's region).
    let partnershipID = UUID()
    let chicagoMembershipID = UUID()
    let sderotMembershipID = UUID()

    var chicagoWesternNegev: PartnershipFormed {
        PartnershipFormed(
            partnershipId: partnershipID, name: "Chicago – Western Negev", names: nil, program: .partnership2gether,
            formedOn: CalendarDate(year: 1997, month: 9, day: 1)!,
            members: [
                .init(
                    membershipId: chicagoMembershipID, communityId: chicago.communityId, side: .global,
                    joinedOn: CalendarDate(year: 1997, month: 9, day: 1)!),
                .init(
                    membershipId: sderotMembershipID, communityId: sderot.communityId, side: .israeli,
                    joinedOn: CalendarDate(year: 1997, month: 9, day: 1)!),
            ], recordedAt: Self.registeredAt)
    }

    /// A volunteer of `community`; Agency staff when `roles` include `agency-staff`.
    static func volunteer(
        of community: CommunityRegistered, languages: [String], timeZone: String? = nil, roles: [String] = ["steering-committee"]
    ) -> VolunteerRegistered {
        VolunteerRegistered(
            volunteerId: UUID(), name: "Volunteer", names: nil, homeCommunityId: community.communityId,
            side: community.kind == .israeliLocality ? .israeli : .global, languages: languages, timeZone: timeZone ?? community.timeZone,
            roles: roles, contactChannels: [], registeredAt: Self.registeredAt)
    }
}
