import Foundation

/// Asks the matching service to run a matching, as `POST /matching-runs` does: for an automated
/// workflow. `matching.run-matching.v1` on `p2g.commands`, taken from the queue
/// `matching.commands`. The same command delivered twice makes one run: the run is keyed by
/// `runKey` when the command has one, by its message id otherwise. A command the service refuses
/// (a weight out of range, a pair naming an unknown community, a kept pair that is forbidden) is
/// parked on `matching.dead` with the reason.
public struct RunMatching: IntegrationCommand {
    public static let commandType = MessageType(service: "matching", name: "run-matching", version: 1)

    /// How the pairs are chosen.
    public enum Mode: String, Codable, Sendable, CaseIterable {
        /// The best total score within every rule.
        case optimal
        /// Deferred acceptance: no two communities would both rather be paired with each other.
        case stable
    }

    /// The side that makes the offers in stable mode.
    public enum ProposingSide: String, Codable, Sendable, CaseIterable {
        /// The Israeli communities propose (the default).
        case impacted
        /// The global communities propose.
        case supporting
    }

    /// An Israeli community and a global community.
    public struct Pair: Codable, Sendable, Hashable {
        @LowercasedUUID public var impactedCommunityId: UUID
        @LowercasedUUID public var supportingCommunityId: UUID

        public init(impactedCommunityId: UUID, supportingCommunityId: UUID) {
            self.impactedCommunityId = impactedCommunityId
            self.supportingCommunityId = supportingCommunityId
        }
    }

    /// Points each factor gives a pair when fully met; an absent weight takes the engine's
    /// default (existing partnership 4, needs fit 3, shared language 2, working hours 1,
    /// capacity left 0.5). Each from 0 to 10000.
    public struct Weights: Codable, Sendable, Hashable {
        public var existingPartnership: Double?
        public var needsFit: Double?
        public var sharedLanguage: Double?
        public var workingHoursOverlap: Double?
        public var capacityLeft: Double?

        public init(
            existingPartnership: Double? = nil, needsFit: Double? = nil, sharedLanguage: Double? = nil,
            workingHoursOverlap: Double? = nil, capacityLeft: Double? = nil
        ) {
            self.existingPartnership = existingPartnership
            self.needsFit = needsFit
            self.sharedLanguage = sharedLanguage
            self.workingHoursOverlap = workingHoursOverlap
            self.capacityLeft = capacityLeft
        }
    }

    /// Makes the same command sent twice (with different message ids) one run; 1 to 200 characters.
    public var runKey: String?
    public var program: PartnershipProgram
    public var mode: Mode
    /// Stable mode only; `impacted` when absent.
    public var proposing: ProposingSide?
    public var weights: Weights?
    /// Pairs the run must contain, besides the confirmed pairings it always keeps.
    public var keep: [Pair]?
    /// Pairs the run must not propose, besides the rejected pairs not released.
    public var forbid: [Pair]?

    public init(
        runKey: String? = nil, program: PartnershipProgram, mode: Mode, proposing: ProposingSide? = nil, weights: Weights? = nil,
        keep: [Pair]? = nil, forbid: [Pair]? = nil
    ) {
        self.runKey = runKey
        self.program = program
        self.mode = mode
        self.proposing = proposing
        self.weights = weights
        self.keep = keep
        self.forbid = forbid
    }
}
