import Contracts
import Foundation

/// What a matching run decides from, as the service's read model holds it at the start of the
/// run: the communities, their stays in partnerships, the confirmed and rejected pairs of the
/// program, and the previous run's pairs.
struct ReadModelSnapshot: Sendable {
    /// A community as the registry last announced it.
    struct Community: Sendable {
        var id: UUID
        var name: String
        var kind: CommunityKind
        var region: String
        var timeZone: String
        var languages: [String]
    }

    /// One stay of a community in a partnership.
    struct Stay: Sendable {
        var partnershipId: UUID
        var communityId: UUID
        var joinedOn: CalendarDate
        var leftOn: CalendarDate?
    }

    /// Funding a global community committed (`registry.funding-committed.v1`).
    struct Commitment: Sendable {
        var flowId: UUID
        var funderCommunityId: UUID
        /// The pairing this is a year of, when it is one.
        var pairingId: UUID?
        var pairingYear: Int?
        var currency: String
        /// Minor units.
        var amount: Int64
        var committedOn: CalendarDate
    }

    var communities: [Community]
    var stays: [Stay]
    /// Confirmed pairings of the program, with their pairing ids.
    var confirmed: [(pair: RunMatching.Pair, pairingId: UUID)]
    /// Rejected pairs of the program that were not released.
    var rejected: [RunMatching.Pair]
    var previousRunId: UUID?
    /// The previous run's pairs (of the same program), confirmed ones included.
    var previous: [RunMatching.Pair]
    /// The latest needs assessment of each community that submitted one.
    var needs: [UUID: MatchingRun.NeedsAssessment] = [:]
    /// Funding committed by global communities.
    var commitments: [Commitment] = []
}
