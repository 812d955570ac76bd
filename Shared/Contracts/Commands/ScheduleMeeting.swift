import Foundation

/// Asks the scheduling service to schedule a joint team's needs-assessment meetings, as it does
/// by itself on `matching.joint-team-formed.v1`: the first, virtual, with all six members,
/// within 14 days of `notBefore` (or of when it is handled), inside each member's working hours
/// and outside Shabbat and festivals at each member's place, then a monthly series.
/// `scheduling.schedule-meeting.v1` on `p2g.commands`, for an automated workflow. The team
/// must be known from `matching.joint-team-formed.v1`; until it is, the command is retried.
public struct ScheduleMeeting: IntegrationCommand {
    public static let commandType = MessageType(service: "scheduling", name: "schedule-meeting", version: 1)

    @LowercasedUUID public var teamId: UUID
    /// The first instant the first meeting may begin; absent: when the command is handled.
    public var notBefore: Date?
    /// How many monthly meetings follow the first; absent: 11 (a year of meetings in all).
    public var monthlyMeetings: Int?

    public init(teamId: UUID, notBefore: Date? = nil, monthlyMeetings: Int? = nil) {
        self.teamId = teamId
        self.notBefore = notBefore
        self.monthlyMeetings = monthlyMeetings
    }
}
