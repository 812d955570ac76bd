import Foundation

/// A confirmed pairing's joint team was formed: `matching.joint-team-formed.v1`, correlated by
/// the pairing's id. Six members: two of the impacted (Israeli) community, two of the supporting
/// (global) community, two of the Agency. Members are named by their registry volunteer ids;
/// names and contact details stay with the registry and the notifications service.
public struct JointTeamFormed: IntegrationEvent {
    public static let eventType = MessageType(service: "matching", name: "joint-team-formed", version: 1)

    /// Whom a member represents on the team.
    public enum Delegation: String, Codable, Sendable, CaseIterable {
        /// The Israeli community the pairing supports.
        case impacted
        /// The global community that supports it.
        case supporting
        /// The Jewish Agency.
        case agency
    }

    /// One seat on the team.
    public struct Member: Codable, Sendable, Hashable {
        @LowercasedUUID public var volunteerId: UUID
        public var delegation: Delegation
        /// The member's IANA time zone, for meetings inside their working hours.
        public var timeZone: String
        /// BCP 47 tags the member works in.
        public var languages: [String]

        public init(volunteerId: UUID, delegation: Delegation, timeZone: String, languages: [String]) {
            self.volunteerId = volunteerId
            self.delegation = delegation
            self.timeZone = timeZone
            self.languages = languages
        }
    }

    @LowercasedUUID public var teamId: UUID
    @LowercasedUUID public var pairingId: UUID
    public var program: PartnershipProgram
    @LowercasedUUID public var impactedCommunityId: UUID
    @LowercasedUUID public var supportingCommunityId: UUID
    public var members: [Member]
    /// The language every member speaks, when there is one.
    public var workingLanguage: String?
    /// True when no language is shared by all and the team meets with an interpreter.
    public var interpreterNeeded: Bool
    public var formedAt: Date

    public init(
        teamId: UUID, pairingId: UUID, program: PartnershipProgram, impactedCommunityId: UUID, supportingCommunityId: UUID,
        members: [Member], workingLanguage: String?, interpreterNeeded: Bool, formedAt: Date
    ) {
        self.teamId = teamId
        self.pairingId = pairingId
        self.program = program
        self.impactedCommunityId = impactedCommunityId
        self.supportingCommunityId = supportingCommunityId
        self.members = members
        self.workingLanguage = workingLanguage
        self.interpreterNeeded = interpreterNeeded
        self.formedAt = formedAt
    }
}
