import Foundation
import UUIDText

/// Something the people of a pairing's cycle must be told: `matching.workflow-notice.v1`,
/// correlated by the cycle's correlation id. The notifications service writes to each
/// recipient in their language and hours, never on Shabbat or a festival at their place, once
/// per notice.
public struct WorkflowNotice: IntegrationEvent {
    public static let eventType = MessageType(service: "matching", name: "workflow-notice", version: 1)

    public enum Notice: String, Codable, Sendable, CaseIterable {
        /// The kickoff meeting is coming: to the six members, ahead of it.
        case meetingReminder
        /// A reassessment is requested: to the team.
        case reassessmentRequested
        /// A step is past its due instant: to the team.
        case overdueReminder
        /// A step is still not done after the reminder: to the Agency's members of the team.
        case escalation
        /// The cycle closed: to the team, with its summary.
        case cycleClosed
    }

    public struct Recipient: Codable, Sendable, Hashable {
        @LowercasedUUID public var volunteerId: UUID
        public var delegation: JointTeamFormed.Delegation

        public init(volunteerId: UUID, delegation: JointTeamFormed.Delegation) {
            self.volunteerId = volunteerId
            self.delegation = delegation
        }
    }

    @LowercasedUUID public var noticeId: UUID
    @LowercasedUUID public var workflowId: UUID
    @LowercasedUUID public var impactedCommunityId: UUID
    public var pairingId: String?
    public var notice: Notice
    public var step: WorkflowStep
    public var occurrence: Int
    /// When the step is (or was) due.
    public var dueAt: Date?
    /// The kickoff meeting's start, for `meetingReminder`.
    public var meetingAt: Date?
    /// What the cycle came to, for `cycleClosed`, e.g. "3 of 6 reassessments submitted".
    public var summary: String?
    public var recipients: [Recipient]
    public var issuedAt: Date

    public init(
        noticeId: UUID, workflowId: UUID, impactedCommunityId: UUID, pairingId: UUID?, notice: Notice, step: WorkflowStep,
        occurrence: Int, dueAt: Date?, meetingAt: Date?, summary: String?, recipients: [Recipient], issuedAt: Date
    ) {
        self.noticeId = noticeId
        self.workflowId = workflowId
        self.impactedCommunityId = impactedCommunityId
        self.pairingId = pairingId?.lowercasedText
        self.notice = notice
        self.step = step
        self.occurrence = occurrence
        self.dueAt = dueAt
        self.meetingAt = meetingAt
        self.summary = summary
        self.recipients = recipients
        self.issuedAt = issuedAt
    }
}
