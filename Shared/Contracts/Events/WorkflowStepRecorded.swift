import Foundation
import UUIDText

/// A step of a pairing's needs-assessment cycle changed: `matching.workflow-step-recorded.v1`,
/// correlated by the cycle's correlation id (the enrolling command's, or the cycle's id). One
/// event per change, so an outside automation can follow the cycle without polling.
public struct WorkflowStepRecorded: IntegrationEvent {
    public static let eventType = MessageType(service: "matching", name: "workflow-step-recorded", version: 1)

    public enum Status: String, Codable, Sendable, CaseIterable {
        /// Asked for, with a due instant when it has one.
        case requested
        /// Its due instant passed; the team was reminded.
        case overdue
        /// Still not done after the reminder; the Agency coordinators were told.
        case escalated
        case done
        /// Skipped by a coordinator or an automation, with the reason.
        case skipped
    }

    @LowercasedUUID public var workflowId: UUID
    @LowercasedUUID public var impactedCommunityId: UUID
    public var pairingId: String?
    public var step: WorkflowStep
    /// 0, except for reassessments (1, 2, ...).
    public var occurrence: Int
    public var status: Status
    public var dueAt: Date?
    /// Why it was skipped, or what did it (e.g. the assessment's version).
    public var reason: String?
    public var recordedAt: Date

    public init(
        workflowId: UUID, impactedCommunityId: UUID, pairingId: UUID?, step: WorkflowStep, occurrence: Int, status: Status,
        dueAt: Date?, reason: String?, recordedAt: Date
    ) {
        self.workflowId = workflowId
        self.impactedCommunityId = impactedCommunityId
        self.pairingId = pairingId?.lowercasedText
        self.step = step
        self.occurrence = occurrence
        self.status = status
        self.dueAt = dueAt
        self.reason = reason
        self.recordedAt = recordedAt
    }
}
