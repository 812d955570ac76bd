import Contracts
import Foundation

/// A joint team's needs-assessment meetings: the first, virtual, with all six members, within
/// 14 days, inside each member's working hours and outside Shabbat and festivals at each
/// member's place; then one a month.
enum JointTeamMeeting {
    static let window: TimeInterval = 14 * 86_400
    static let meetingMinutes = 60
    static let defaultMonthlyMeetings = 11

    static let titles = [
        "en": "Joint team needs assessment", "he": "הערכת צרכים של הצוות המשותף",
    ]

    /// The program to place for `team`, from `start` on.
    static func program(for team: JointTeamFormed, from start: Date, monthlyMeetings: Int?) -> ValidProgram? {
        let members = team.members.map(\.volunteerId)
        guard !members.isEmpty else { return nil }
        let organiser = team.members.first { $0.delegation == .agency }?.volunteerId ?? members[0]
        let following = max(0, min(59, monthlyMeetings ?? defaultMonthlyMeetings))
        let request = ProgramRequest(
            kind: "joint-team-meeting", partnershipId: nil, titles: titles, format: "virtual", venueIds: nil,
            organiserVolunteerId: organiser,
            sessions: [
                .init(
                    key: "needs-assessment", titles: nil, durationMinutes: meetingMinutes, durationDays: nil, venueIds: nil,
                    requiredParticipants: members, optionalParticipants: nil, expectedAttendance: nil)
            ], earliestStart: ContractCoding.formatInstant(start), deadline: ContractCoding.formatInstant(start.addingTimeInterval(window)),
            recurrence: following > 0 ? .init(every: "monthly", count: following + 1, years: nil) : nil, capacity: nil)
        guard case .success(let valid) = request.validated() else { return nil }
        return valid
    }

    /// Where each member is when the registry does not know them: their own zone, and their
    /// delegation's community.
    static func fallback(for team: JointTeamFormed) -> [UUID: (timeZone: String, communityId: UUID?)] {
        var places: [UUID: (timeZone: String, communityId: UUID?)] = [:]
        for member in team.members {
            let community: UUID? =
                switch member.delegation {
                case .impacted: team.impactedCommunityId
                case .supporting: team.supportingCommunityId
                case .agency: nil
                }
            places[member.volunteerId] = (member.timeZone, community)
        }
        return places
    }
}
