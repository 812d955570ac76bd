import Foundation

/// A confirmed pairing's joint team could not be formed yet: `matching.joint-team-incomplete.v1`,
/// correlated by the pairing's id. Names the rule that failed and what is missing; the team is
/// formed (and `matching.joint-team-formed.v1` published) as soon as a volunteer registered or
/// updated in the registry fills the gap.
public struct JointTeamIncomplete: IntegrationEvent {
    public static let eventType = MessageType(service: "matching", name: "joint-team-incomplete", version: 1)

    /// The rule that could not be met; rules are checked in this order.
    public enum Rule: String, Codable, Sendable, CaseIterable {
        /// Too few people of the delegation's community (or Agency staff) to fill its seats.
        case eligibleRole
        /// Enough people, but too many already serve on as many teams as allowed.
        case teamLimit
        /// Enough people in every delegation, but no language shared by a full team (and no
        /// interpreter flagged for the pairing).
        case sharedLanguage
        /// A team can be seated, but its members' working hours, outside Shabbat at each one's
        /// place, overlap less in a week than the service's minimum.
        case workingHoursOverlap
    }

    @LowercasedUUID public var teamId: UUID
    @LowercasedUUID public var pairingId: UUID
    public var program: PartnershipProgram
    @LowercasedUUID public var impactedCommunityId: UUID
    @LowercasedUUID public var supportingCommunityId: UUID
    public var rule: Rule
    /// The delegation that falls short; absent for `sharedLanguage` and `workingHoursOverlap`,
    /// which concern the team.
    public var delegation: JointTeamFormed.Delegation?
    /// What is missing, with the numbers, e.g. "supporting delegation needs 2 people with an
    /// eligible role, 1 found". Names no person.
    public var missing: String
    public var reportedAt: Date

    public init(
        teamId: UUID, pairingId: UUID, program: PartnershipProgram, impactedCommunityId: UUID, supportingCommunityId: UUID, rule: Rule,
        delegation: JointTeamFormed.Delegation?, missing: String, reportedAt: Date
    ) {
        self.teamId = teamId
        self.pairingId = pairingId
        self.program = program
        self.impactedCommunityId = impactedCommunityId
        self.supportingCommunityId = supportingCommunityId
        self.rule = rule
        self.delegation = delegation
        self.missing = missing
        self.reportedAt = reportedAt
    }
}
