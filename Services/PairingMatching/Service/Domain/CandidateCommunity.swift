import Contracts
import Foundation

/// A community the matching service can pair, as its read model of the registry holds it: what
/// the pairing engine scores on (region, languages).
struct CandidateCommunity: Encodable, Sendable {
    @LowercasedUUID var communityId: UUID
    var name: String
    var kind: String
    var region: String
    var languages: [String]
}
