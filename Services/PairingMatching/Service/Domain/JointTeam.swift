import Contracts
import Foundation

/// The joint team of a confirmed pairing: `GET /proposals/{id}/joint-team`. Formed, with its
/// six members; or incomplete, with the rule that failed and what is missing.
struct JointTeam: Codable, Sendable {
    enum Status: String, Codable, Sendable {
        case formed
        case incomplete
    }

    @LowercasedUUID var teamId: UUID
    @LowercasedUUID var pairingId: UUID
    var program: PartnershipProgram
    @LowercasedUUID var impactedCommunityId: UUID
    @LowercasedUUID var supportingCommunityId: UUID
    var status: Status
    /// Formed: two of each delegation. An erased volunteer's seat keeps their id only.
    var members: [JointTeamFormed.Member]
    var workingLanguage: String?
    var interpreterNeeded: Bool
    /// Minutes of the day when every member is within working hours (07:00-22:00 local).
    var commonWorkingMinutes: Int?
    /// Minutes in the week after formation when every member works, outside Shabbat at each
    /// one's place (``TeamWorkingWeek``).
    var weeklyOverlapMinutes: Int?
    var formedAt: Date?
    /// Incomplete: the rule that failed, the delegation that falls short and what is missing.
    var rule: JointTeamIncomplete.Rule?
    var delegation: JointTeamFormed.Delegation?
    var missing: String?
    var updatedAt: Date
}
