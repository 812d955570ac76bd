/// What a notification is about; each kind has its templates.
enum NotificationKind: String, Sendable, CaseIterable {
    /// A volunteer was registered: welcome, and how to change what they receive.
    case volunteerWelcome = "volunteer-welcome"
    /// The volunteer is on a newly formed joint team.
    case jointTeamFormed = "joint-team-formed"
    /// A coordinator's announcement.
    case announcement
    /// A step of the team's needs-assessment cycle: the kickoff ahead, a reassessment asked
    /// for, a step overdue, an escalation to the Agency, the cycle closed.
    case workflowNotice = "workflow-notice"
    /// A program the volunteer takes part in was scheduled: their sessions and when.
    case programScheduled = "program-scheduled"
    /// A session the volunteer takes part in moved.
    case sessionRescheduled = "session-rescheduled"
    /// The volunteer's registration took a seat.
    case registrationConfirmed = "registration-confirmed"
    /// The volunteer's registration waits in line, at a position.
    case registrationWaitlisted = "registration-waitlisted"
    /// A seat came free and the volunteer's waiting registration took it.
    case registrationPromoted = "registration-promoted"
    /// For coordinators: a need item's pledges and commitments add up to more than its cost.
    case fundingOverlap = "funding-overlap"
}
