import Foundation

/// A matching run proposed a pairing for a coordinator to confirm or reject:
/// `matching.pairing-proposed.v1`, correlated by the pairing's id.
public struct PairingProposed: IntegrationEvent {
    public static let eventType = MessageType(service: "matching", name: "pairing-proposed", version: 1)

    /// Why the pair is in the run.
    public enum Origin: String, Codable, Sendable, CaseIterable {
        /// In the previous run's result and chosen again.
        case kept
        /// Not in the previous run's result.
        case new
    }

    /// The proposal's id; the pairing keeps it once confirmed.
    @LowercasedUUID public var pairingId: UUID
    @LowercasedUUID public var runId: UUID
    public var program: PartnershipProgram
    /// The Israeli community.
    @LowercasedUUID public var impactedCommunityId: UUID
    /// The global community.
    @LowercasedUUID public var supportingCommunityId: UUID
    /// The pair's score in points (the sum of its factors).
    public var score: Double
    public var origin: Origin
    public var proposedAt: Date

    public init(
        pairingId: UUID, runId: UUID, program: PartnershipProgram, impactedCommunityId: UUID, supportingCommunityId: UUID,
        score: Double, origin: Origin, proposedAt: Date
    ) {
        self.pairingId = pairingId
        self.runId = runId
        self.program = program
        self.impactedCommunityId = impactedCommunityId
        self.supportingCommunityId = supportingCommunityId
        self.score = score
        self.origin = origin
        self.proposedAt = proposedAt
    }
}
