import Foundation

/// A community's needs assessment was submitted, a first one or a reassessment that follows
/// an earlier version: `registry.needs-assessment-submitted.v1`.
public struct NeedsAssessmentSubmitted: IntegrationEvent {
    public static let eventType = MessageType(service: "registry", name: "needs-assessment-submitted", version: 1)

    @LowercasedUUID public var assessmentId: UUID
    @LowercasedUUID public var communityId: UUID
    /// 1 for a community's first assessment, one more for each reassessment.
    public var version: Int
    /// The version this one reassesses, as a lower-case UUID; absent for a first assessment.
    public var previousAssessmentId: String?
    public var immediateItems: Int
    public var longTermItems: Int
    /// The estimated cost of its items, one amount per currency, never converted.
    public var estimatedCost: [Money]
    public var submittedAt: Date

    public init(
        assessmentId: UUID, communityId: UUID, version: Int, previousAssessmentId: String?, immediateItems: Int, longTermItems: Int,
        estimatedCost: [Money], submittedAt: Date
    ) {
        self.assessmentId = assessmentId
        self.communityId = communityId
        self.version = version
        self.previousAssessmentId = previousAssessmentId
        self.immediateItems = immediateItems
        self.longTermItems = longTermItems
        self.estimatedCost = estimatedCost
        self.submittedAt = submittedAt
    }
}
