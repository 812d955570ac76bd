import Foundation

/// A volunteer as the service's read model holds them: only what joint teams are formed from
/// (no name, no contact channel).
struct VolunteerRecord: Sendable {
    var id: UUID
    var homeCommunityId: UUID
    var languages: [String]
    var timeZone: String
    var roles: [String]
    /// Formed joint teams they already serve on.
    var teams: Int
    /// Their home community's coordinates and time zone, when the read model has them.
    var communityLatitude: Double? = nil
    var communityLongitude: Double? = nil
    var communityTimeZone: String? = nil

    /// Where they are, for Shabbat: at their community when they live in its time zone.
    var place: TeamWorkingWeek.Member {
        communityTimeZone == timeZone
            ? TeamWorkingWeek.Member(timeZone: timeZone, latitude: communityLatitude, longitude: communityLongitude)
            : TeamWorkingWeek.Member(timeZone: timeZone)
    }

    /// The registry role that makes a volunteer Jewish Agency staff: they sit in the Agency's
    /// delegation of any team, never in their home community's.
    static let agencyStaffRole = "agency-staff"
    /// A professional of a community; counts as a community member like any volunteer.
    static let communityStaffRole = "community-staff"

    var isAgencyStaff: Bool { roles.contains(Self.agencyStaffRole) }
}
