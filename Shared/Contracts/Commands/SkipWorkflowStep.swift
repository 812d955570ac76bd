import Foundation

/// Skips a step of an impacted community's cycle with a reason, as
/// `POST /workflows/{id}/skips` does: `matching.skip-workflow-step.v1` on `p2g.commands`. The
/// step's reminders and escalation are cancelled and the timeline says who skipped it and why;
/// a step already done or skipped stays as it is. A community with no cycle, or a reason left
/// empty, is parked with the reason.
public struct SkipWorkflowStep: IntegrationCommand {
    public static let commandType = MessageType(service: "matching", name: "skip-workflow-step", version: 1)

    @LowercasedUUID public var impactedCommunityId: UUID
    public var step: WorkflowStep
    /// Which reassessment, from 1; absent for the other steps.
    public var occurrence: Int?
    /// Why, for the timeline; 1 to 500 characters.
    public var reason: String

    public init(impactedCommunityId: UUID, step: WorkflowStep, occurrence: Int? = nil, reason: String) {
        self.impactedCommunityId = impactedCommunityId
        self.step = step
        self.occurrence = occurrence
        self.reason = reason
    }
}
