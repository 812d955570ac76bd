import Foundation

/// A coordinator rejected a proposed pairing: `matching.pairing-rejected.v1`, correlated by the
/// pairing's id. Later runs do not propose the pair again until a coordinator releases it.
public struct PairingRejected: IntegrationEvent {
    public static let eventType = MessageType(service: "matching", name: "pairing-rejected", version: 1)

    @LowercasedUUID public var pairingId: UUID
    @LowercasedUUID public var runId: UUID
    public var program: PartnershipProgram
    @LowercasedUUID public var impactedCommunityId: UUID
    @LowercasedUUID public var supportingCommunityId: UUID
    /// Why, in the coordinator's words, when they gave a reason.
    public var reason: String?
    /// The subject of the token that rejected it (an account id, never an address).
    public var rejectedBy: String
    public var rejectedAt: Date

    public init(
        pairingId: UUID, runId: UUID, program: PartnershipProgram, impactedCommunityId: UUID, supportingCommunityId: UUID,
        reason: String?, rejectedBy: String, rejectedAt: Date
    ) {
        self.pairingId = pairingId
        self.runId = runId
        self.program = program
        self.impactedCommunityId = impactedCommunityId
        self.supportingCommunityId = supportingCommunityId
        self.reason = reason
        self.rejectedBy = rejectedBy
        self.rejectedAt = rejectedAt
    }
}
