import Foundation

/// The pledges and commitments to one need item add up to more than its estimated cost: the
/// same need may be funded twice, and a coordinator should act. `registry.funding-overlap-detected.v1`.
public struct FundingOverlapDetected: IntegrationEvent {
    public static let eventType = MessageType(service: "registry", name: "funding-overlap-detected", version: 1)

    /// One flow to the item, pledged or committed.
    public struct Flow: Codable, Sendable, Hashable {
        @LowercasedUUID public var flowId: UUID
        public var funderKind: String
        public var funderName: String
        /// pledged, committed or paid.
        public var status: String
        /// The amount pledged, or committed once it is.
        public var amount: Int

        public init(flowId: UUID, funderKind: String, funderName: String, status: String, amount: Int) {
            self.flowId = flowId
            self.funderKind = funderKind
            self.funderName = funderName
            self.status = status
            self.amount = amount
        }
    }

    @LowercasedUUID public var needItemId: UUID
    @LowercasedUUID public var communityId: UUID
    /// What the item is, as the community described it (e.g. `Mattresses for 120 families`);
    /// absent in events published before it was carried.
    public var needDescription: String?
    public var estimatedCost: Money
    /// What the flows below add up to, in the item's currency.
    public var pledgedAndCommitted: Int
    /// Every flow to the item, the one that caused the overlap among them.
    public var flows: [Flow]
    public var detectedAt: Date

    public init(
        needItemId: UUID, communityId: UUID, estimatedCost: Money, pledgedAndCommitted: Int, flows: [Flow], detectedAt: Date,
        needDescription: String? = nil
    ) {
        self.needItemId = needItemId
        self.communityId = communityId
        self.needDescription = needDescription
        self.estimatedCost = estimatedCost
        self.pledgedAndCommitted = pledgedAndCommitted
        self.flows = flows
        self.detectedAt = detectedAt
    }
}
