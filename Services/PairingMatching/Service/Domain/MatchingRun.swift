import Contracts
import Foundation

/// A matching run as it is stored, whole and never changed: who started it and how, the inputs
/// as they were, the parameters, the engine's version and the result with its explanation.
/// `GET /matching-runs/{id}` returns it as it is.
struct MatchingRun: Codable, Sendable {
    @LowercasedUUID var id: UUID
    /// The key that makes a repeated request or command the same run, when there was one.
    var runKey: String?
    var program: PartnershipProgram
    var mode: RunMatching.Mode
    /// Stable mode: the side that proposed.
    var proposing: RunMatching.ProposingSide?
    var engineVersion: String
    /// The token subject, or the command's message id, that started the run.
    var startedBy: String
    var startedAt: Date
    var parameters: Parameters
    var inputs: Inputs
    var result: Outcome

    /// The rules of the run.
    struct Parameters: Codable, Sendable {
        var weights: RunMatching.Weights
        var keep: [RunMatching.Pair]
        var forbid: [RunMatching.Pair]
        var yearlyCommitment: Money
        var years: Int
        var partnersPerImpactedCommunity: Int
        /// Local working hours the overlap of two communities is measured on, e.g. `09:00-17:00`.
        var workingHours: String
    }

    /// The inputs as they were when the run started.
    struct Inputs: Codable, Sendable {
        /// The instant time-zone offsets and partnership stays were taken at.
        var referenceInstant: Date
        var impacted: [Community]
        var supporting: [Community]
        /// Confirmed pairings, which every run keeps.
        var confirmed: [RunMatching.Pair]
        /// Rejected pairs not released, which no run proposes.
        var rejected: [RunMatching.Pair]
        var previousRunId: String?
        var previous: [RunMatching.Pair]
        /// Impacted communities that have submitted a needs assessment, as lower-case UUIDs
        /// (absent in runs stored before the service read needs).
        var needsSubmitted: [String]?
    }

    /// The latest needs assessment an impacted community submitted, in short.
    struct NeedsAssessment: Codable, Sendable, Equatable {
        @LowercasedUUID var assessmentId: UUID
        var version: Int
        var immediateItems: Int
        var longTermItems: Int
        /// One amount per currency, never converted.
        var estimatedCost: [Money]
        var submittedAt: Date
    }

    /// A community as the engine saw it.
    struct Community: Codable, Sendable {
        @LowercasedUUID var communityId: UUID
        var name: String
        var region: String
        var timeZone: String
        var utcOffsetMinutes: Int
        var languages: [String]
        /// Supporting side: Israeli regions of the partnerships it is in on the reference day.
        var partnershipRegions: [String]?
        /// Supporting side: new pairings it can take.
        var pairingCapacity: Int?
        /// Supporting side: the yearly budget assumed for pairings.
        var yearlyBudget: Money?
        /// Impacted side: partners it needs.
        var partnersNeeded: Int?
        /// Impacted side: its latest needs assessment, when it submitted one.
        var needsAssessment: NeedsAssessment?
        /// Supporting side (Communities2Gether): funding a year it has already committed beyond
        /// the run's confirmed pairings, which the yearly budget leaves out; absent when none.
        var committedFunding: Money?
    }

    /// What the run decided.
    struct Outcome: Codable, Sendable {
        var pairings: [ProposedPairing]
        var totalScore: Double
        var unpaired: [Unpaired]
        /// Pairs that would both rather be together; empty in stable mode.
        var blockingPairs: [Blocking]
        /// True when no blocking pair exists (always in stable mode).
        var noBlockingPairs: Bool
        var churn: Churn
    }

    /// A pair in the result with the factors that scored it.
    struct ProposedPairing: Codable, Sendable {
        /// The proposal a coordinator confirms or rejects; for a confirmed pairing, its id.
        @LowercasedUUID var pairingId: UUID
        @LowercasedUUID var impactedCommunityId: UUID
        @LowercasedUUID var supportingCommunityId: UUID
        /// `confirmed` (kept because confirmed), `requested` (in the run's keep), `kept` (in the
        /// previous run too) or `new`.
        var origin: String
        var score: Double
        var factors: [Factor]
    }

    /// One factor of a pair's score.
    struct Factor: Codable, Sendable {
        var factor: String
        var fraction: Double
        var weight: Double
        var points: Double
        var note: String
    }

    /// A community left with fewer partners than it needs, or (supporting side) with none.
    struct Unpaired: Codable, Sendable {
        @LowercasedUUID var communityId: UUID
        var side: String
        var partnersMissing: Int
        var reason: String
        /// In words, when committed funding is why: what it ties up and what that leaves.
        var explanation: String?
        var candidates: [Candidate]
    }

    /// Where a candidate stood for an unpaired community.
    struct Candidate: Codable, Sendable {
        @LowercasedUUID var communityId: UUID
        var state: String
    }

    /// Two communities not paired that would both rather be.
    struct Blocking: Codable, Sendable {
        @LowercasedUUID var impactedCommunityId: UUID
        @LowercasedUUID var supportingCommunityId: UUID
        var score: Double
        var impactedWouldDrop: String?
        var supportingWouldDrop: String?
    }

    /// How the result differs from the previous run's.
    struct Churn: Codable, Sendable {
        var kept: [RunMatching.Pair]
        var added: [RunMatching.Pair]
        var removed: [RunMatching.Pair]
    }

    /// The pairs of the result.
    var pairs: [RunMatching.Pair] {
        result.pairings.map { .init(impactedCommunityId: $0.impactedCommunityId, supportingCommunityId: $0.supportingCommunityId) }
    }
}
