import Contracts
import Foundation

/// A recipient and how many notifications it is owed (no addresses: they are personal data).
struct RecipientSummary: Encodable, Sendable {
    @LowercasedUUID var communityId: UUID
    var name: String
    var language: String
    var notifications: Int
}
