import Contracts
import Foundation

/// A pairing's needs-assessment cycle as `GET /workflows/{id}` shows it: where it stands, each
/// step with its due instant, what is due next, and the timeline of what happened.
struct Workflow: Encodable, Sendable {
    struct Step: Encodable, Sendable {
        var step: WorkflowStep
        var occurrence: Int
        var status: WorkflowStepRecorded.Status
        var requestedAt: Date?
        var dueAt: Date?
        var finishedAt: Date?
        var reason: String?
    }

    struct Entry: Encodable, Sendable {
        var at: Date
        var step: WorkflowStep
        var occurrence: Int
        /// requested, overdue, escalated, done, skipped, or a note such as `notice:meetingReminder`.
        var what: String
        var dueAt: Date?
        var reason: String?
    }

    struct Due: Encodable, Sendable {
        var step: WorkflowStep
        var occurrence: Int
        var dueAt: Date
        var overdue: Bool
    }

    @LowercasedUUID var id: UUID
    var program: PartnershipProgram
    @LowercasedUUID var impactedCommunityId: UUID
    var impactedCommunityName: String?
    var correlationId: String
    /// Ids as lower-case text, as every id in the API.
    var pairingId: String?
    var supportingCommunityId: String?
    var teamId: String?
    var pairedAt: Date?
    var kickoffAt: Date?
    var enrolledBy: String
    var enrolledAt: Date
    var closedAt: Date?
    var summary: String?
    /// The first step not done or skipped, in the cycle's order; `closing` once closed.
    var stage: WorkflowStep
    /// The open step due soonest, if any has a due instant.
    var next: Due?
    var steps: [Step]
    var timeline: [Entry]

    /// The steps before the reassessments, in order.
    static let firstSteps: [WorkflowStep] = [
        .enrolment, .matching, .jointTeam, .kickoffMeeting, .needsAssessment, .roadMap, .fundingCommitment,
    ]

    static func stage(closed: Bool, finished: Set<WorkflowStep>) -> WorkflowStep {
        if closed { return .closing }
        return firstSteps.first { !finished.contains($0) } ?? .reassessment
    }
}

/// A line of `GET /workflows`.
struct WorkflowSummary: Encodable, Sendable {
    @LowercasedUUID var id: UUID
    var program: PartnershipProgram
    @LowercasedUUID var impactedCommunityId: UUID
    var impactedCommunityName: String?
    var pairingId: String?
    var supportingCommunityId: String?
    var stage: WorkflowStep
    var next: Workflow.Due?
    var enrolledAt: Date
    var closedAt: Date?
}
