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
}
