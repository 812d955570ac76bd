import Contracts
import Foundation

/// A pairing a run proposed, and what a coordinator decided about it: `GET /proposals/{id}`.
struct Proposal: Codable, Sendable {
    /// Where the proposal stands.
    enum Status: String, Codable, Sendable {
        /// Waiting for a coordinator.
        case proposed
        /// Confirmed: a pairing, with its joint team.
        case confirmed
        /// Rejected: later runs do not propose the pair until it is released.
        case rejected
        /// Rejected, then released: later runs may propose the pair again.
        case released
        /// A later run replaced it before anyone decided.
        case superseded
    }

    /// The joint team of a confirmed pairing, in short.
    struct TeamSummary: Codable, Sendable {
        @LowercasedUUID var teamId: UUID
        var status: JointTeam.Status
    }

    @LowercasedUUID var id: UUID
    @LowercasedUUID var runId: UUID
    var program: PartnershipProgram
    @LowercasedUUID var impactedCommunityId: UUID
    @LowercasedUUID var supportingCommunityId: UUID
    var score: Double
    var origin: String
    var status: Status
    var proposedAt: Date
    var decidedBy: String?
    var decidedAt: Date?
    var reason: String?
    var commitment: PairingConfirmed.Commitment?
    /// Confirmed with an interpreter at hand: the joint team need not share a language.
    var interpreterAvailable: Bool
    var releasedBy: String?
    var releasedAt: Date?
    var jointTeam: TeamSummary?

    var pair: RunMatching.Pair { .init(impactedCommunityId: impactedCommunityId, supportingCommunityId: supportingCommunityId) }
}
