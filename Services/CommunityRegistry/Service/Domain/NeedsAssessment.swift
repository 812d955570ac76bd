import Contracts
import Foundation

/// One version of a community's needs assessment, with its items. A draft is submitted, then
/// accepted; a reassessment is a new version that names the one before.
public struct NeedsAssessment: Sendable, Equatable, Encodable {
    public enum Status: String, Sendable, Codable {
        case draft, submitted, accepted
    }

    @LowercasedUUID public var id: UUID
    @LowercasedUUID public var communityId: UUID
    public var version: Int
    /// The version this one reassesses, as a lower-case UUID; absent for a first assessment.
    public var previousAssessmentId: String?
    public var status: Status
    public var assessedOn: CalendarDate
    public var createdAt: Date
    public var submittedAt: Date?
    public var acceptedAt: Date?
    public var items: [NeedItem]

    /// The estimated cost of all items, one amount per currency in code order, never converted.
    public var estimatedCost: [Money] { Self.totals(items.map(\.estimatedCost)) }

    /// Amounts added up per currency, in currency-code order.
    static func totals(_ amounts: [Money]) -> [Money] {
        var sums: [String: Int] = [:]
        for money in amounts { sums[money.currency, default: 0] += money.amount }
        return sums.sorted { $0.key < $1.key }.map { Money(amount: $0.value, currency: $0.key) }
    }

    enum CodingKeys: String, CodingKey {
        case id, communityId, version, previousAssessmentId, status, assessedOn, createdAt, submittedAt, acceptedAt, items,
            estimatedCost
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(_id, forKey: .id)
        try container.encode(_communityId, forKey: .communityId)
        try container.encode(version, forKey: .version)
        try container.encodeIfPresent(previousAssessmentId, forKey: .previousAssessmentId)
        try container.encode(status, forKey: .status)
        try container.encode(assessedOn, forKey: .assessedOn)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encodeIfPresent(submittedAt, forKey: .submittedAt)
        try container.encodeIfPresent(acceptedAt, forKey: .acceptedAt)
        try container.encode(items, forKey: .items)
        try container.encode(estimatedCost, forKey: .estimatedCost)
    }

    /// The event that announces its submission.
    var submittedEvent: NeedsAssessmentSubmitted? {
        guard let submittedAt else { return nil }
        return NeedsAssessmentSubmitted(
            assessmentId: id, communityId: communityId, version: version, previousAssessmentId: previousAssessmentId,
            immediateItems: items.filter { $0.horizon == .immediate }.count, longTermItems: items.filter { $0.horizon == .longTerm }.count,
            estimatedCost: estimatedCost, submittedAt: submittedAt)
    }
}
