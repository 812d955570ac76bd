import Contracts
import Foundation
import PairingEngine

/// Forms the joint team of one confirmed pairing with the engine's `JointTeamFormation`: two
/// members of the Israeli community, two of the global community and two Agency staff, who
/// share a working language, with the longest common working hours, none on more than two
/// teams. Pure: the volunteers and the instant come in.
///
/// Who sits where: a volunteer whose roles include `agency-staff` is Agency staff and may take
/// an Agency seat on any team; every other volunteer may take a seat of their home community.
enum TeamPlanner {
    /// The team, or the rule that stops it.
    enum Outcome: Sendable {
        case formed(members: [JointTeamFormed.Member], workingLanguage: String?, commonWorkingMinutes: Int)
        case incomplete(rule: JointTeamIncomplete.Rule, delegation: JointTeamFormed.Delegation?, missing: String)
    }

    static let rules = JointTeamRules()

    static func form(impacted: UUID, supporting: UUID, volunteers: [VolunteerRecord], at instant: Date) throws -> Outcome {
        let byID = Dictionary(volunteers.map { ($0.id.uuidString.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        let candidates = volunteers.map { volunteer in
            TeamCandidate(
                id: PersonID(volunteer.id.uuidString.lowercased()),
                affiliation: volunteer.isAgencyStaff
                    ? .jewishAgency : .community(MatchingRunPlanner.communityID(volunteer.homeCommunityId)),
                roles: volunteer.isAgencyStaff
                    ? [.agencyStaff]
                    : (volunteer.roles.contains(VolunteerRecord.communityStaffRole) ? [.volunteer, .communityStaff] : [.volunteer]),
                languages: MatchingRunPlanner.languageCodes(volunteer.languages),
                utcOffset: MatchingRunPlanner.utcOffset(volunteer.timeZone, at: instant), currentTeams: volunteer.teams)
        }
        let pair = CommunityPair(impacted: MatchingRunPlanner.communityID(impacted), supporting: MatchingRunPlanner.communityID(supporting))
        let result = try JointTeamFormation.run(pairs: [pair], candidates: candidates, rules: rules)
        if let team = result.teams.first {
            var members: [JointTeamFormed.Member] = []
            for (delegation, ids) in [
                (JointTeamFormed.Delegation.impacted, team.israeliRepresentatives), (.supporting, team.globalRepresentatives),
                (.agency, team.agencyRepresentatives),
            ] {
                for id in ids {
                    guard let volunteer = byID[id.rawValue] else { continue }
                    members.append(
                        JointTeamFormed.Member(
                            volunteerId: volunteer.id, delegation: delegation, timeZone: volunteer.timeZone, languages: volunteer.languages)
                    )
                }
            }
            return .formed(
                members: members, workingLanguage: team.sharedLanguages.first?.code, commonWorkingMinutes: team.commonWorkingMinutes)
        }
        guard let failure = result.failures.first else {
            return .incomplete(rule: .eligibleRole, delegation: nil, missing: "no team could be formed")
        }
        let delegation: JointTeamFormed.Delegation? =
            switch failure.delegation {
            case .israeliCommunity: .impacted
            case .globalCommunity: .supporting
            case .jewishAgency: .agency
            case nil: nil
            }
        let rule: JointTeamIncomplete.Rule =
            switch failure.rule {
            case .eligibleRole: .eligibleRole
            case .teamLimit: .teamLimit
            case .sharedLanguage: .sharedLanguage
            }
        return .incomplete(rule: rule, delegation: delegation, missing: missing(failure, delegation: delegation))
    }

    /// The engine's sentence in the delegations' names on the wire.
    static func missing(_ failure: TeamFormationFailure, delegation: JointTeamFormed.Delegation?) -> String {
        failure.message.replacingOccurrences(of: "israeliCommunity", with: "impacted")
            .replacingOccurrences(of: "globalCommunity", with: "supporting").replacingOccurrences(of: "jewishAgency", with: "agency")
    }
}
