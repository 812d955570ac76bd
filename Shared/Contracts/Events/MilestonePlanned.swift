import Foundation

/// A milestone was added to a community's road map: `registry.milestone-planned.v1`,
/// correlated by the community's id. The first one is what the needs-assessment cycle waits
/// for after the assessment.
public struct MilestonePlanned: IntegrationEvent {
    public static let eventType = MessageType(service: "registry", name: "milestone-planned", version: 1)

    @LowercasedUUID public var milestoneId: UUID
    @LowercasedUUID public var communityId: UUID
    public var title: String
    /// e.g. `2025-Q2`.
    public var quarter: String
    public var needItemIds: [String]
    public var plannedOn: CalendarDate
    public var recordedAt: Date

    public init(
        milestoneId: UUID, communityId: UUID, title: String, quarter: String, needItemIds: [String], plannedOn: CalendarDate,
        recordedAt: Date
    ) {
        self.milestoneId = milestoneId
        self.communityId = communityId
        self.title = title
        self.quarter = quarter
        self.needItemIds = needItemIds
        self.plannedOn = plannedOn
        self.recordedAt = recordedAt
    }
}
