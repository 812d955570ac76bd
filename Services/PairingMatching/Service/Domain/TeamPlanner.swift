import Contracts
import Foundation
import PairingEngine

/// Forms the joint team of one confirmed pairing with the engine's `JointTeamFormation`: two
/// members of the Israeli community, two of the global community and two Agency staff, who
/// share a working language (or, when the coordinator flagged an interpreter for the pairing
/// and no team shares one, any language), with the longest common working hours, none on more
/// than two teams; and whose working hours outside Shabbat at each one's place overlap at least
/// the service's minimum in a week (``TeamWorkingWeek``). Pure: the volunteers, the rules and
/// the instant come in.
///
/// Who sits where: a volunteer whose roles include `agency-staff` is Agency staff and may take
/// an Agency seat on any team; every other volunteer may take a seat of their home community.
enum TeamPlanner {
    /// The team, or the rule that stops it.
    enum Outcome: Sendable {
        case formed(members: [JointTeamFormed.Member], workingLanguage: String?, commonWorkingMinutes: Int, weeklyOverlapMinutes: Int)
        case incomplete(rule: JointTeamIncomplete.Rule, delegation: JointTeamFormed.Delegation?, missing: String)
    }

    /// The service's rules for a team.
    struct Settings: Sendable {
        /// The least a team's working hours may overlap in a week outside Shabbat, in minutes.
        var minimumWeeklyOverlapMinutes = 120
    }

    /// The engine's rules: its daily window measured on the working hours ``TeamWorkingWeek`` uses.
    static func rules(interpreterAvailable: Bool) -> JointTeamRules {
        JointTeamRules(
            workingHours: WorkingHours(startMinute: TeamWorkingWeek.workingMinutes.from, endMinute: TeamWorkingWeek.workingMinutes.to),
            interpreterAvailable: interpreterAvailable)
    }

    static func form(
        impacted: UUID, supporting: UUID, volunteers: [VolunteerRecord], interpreterAvailable: Bool = false,
        settings: Settings = Settings(),
        at instant: Date
    ) throws -> Outcome {
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
        let result = try JointTeamFormation.run(
            pairs: [pair], candidates: candidates, rules: rules(interpreterAvailable: interpreterAvailable))
        if let team = result.teams.first {
            var members: [JointTeamFormed.Member] = []
            var places: [TeamWorkingWeek.Member] = []
            for (delegation, ids) in [
                (JointTeamFormed.Delegation.impacted, team.israeliRepresentatives), (.supporting, team.globalRepresentatives),
                (.agency, team.agencyRepresentatives),
            ] {
                for id in ids {
                    guard let volunteer = byID[id.rawValue] else { continue }
                    places.append(volunteer.place)
                    members.append(
                        JointTeamFormed.Member(
                            volunteerId: volunteer.id, delegation: delegation, timeZone: volunteer.timeZone, languages: volunteer.languages)
                    )
                }
            }
            let weekly = TeamWorkingWeek.overlapMinutes(of: places, from: instant)
            guard weekly >= settings.minimumWeeklyOverlapMinutes else {
                return .incomplete(
                    rule: .workingHoursOverlap, delegation: nil,
                    missing: overlapMissing(weekly, minimum: settings.minimumWeeklyOverlapMinutes, members: members))
            }
            return .formed(
                members: members, workingLanguage: team.sharedLanguages.first?.code, commonWorkingMinutes: team.commonWorkingMinutes,
                weeklyOverlapMinutes: weekly)
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

    /// What a team whose hours overlap too little lacks, with the zones of each delegation (no
    /// person is named).
    static func overlapMissing(_ minutes: Int, minimum: Int, members: [JointTeamFormed.Member]) -> String {
        let zones = JointTeamFormed.Delegation.allCases.map { delegation in
            let zones = Set(members.filter { $0.delegation == delegation }.map(\.timeZone)).sorted()
            return "\(delegation.rawValue) in \(zones.joined(separator: " and "))"
        }
        return "the team's working hours (07:00-22:00 local, Sunday to Thursday in Israel and Monday to Friday elsewhere) overlap "
            + "\(minutes) min a week outside Shabbat; at least \(minimum) min are needed (\(zones.joined(separator: ", ")))"
    }

    /// The engine's sentence in the delegations' names on the wire.
    static func missing(_ failure: TeamFormationFailure, delegation: JointTeamFormed.Delegation?) -> String {
        failure.message.replacingOccurrences(of: "israeliCommunity", with: "impacted")
            .replacingOccurrences(of: "globalCommunity", with: "supporting").replacingOccurrences(of: "jewishAgency", with: "agency")
            + (failure.rule == .sharedLanguage ? ", and no interpreter is flagged for the pairing" : "")
    }
}
