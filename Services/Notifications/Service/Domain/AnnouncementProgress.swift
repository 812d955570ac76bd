import Contracts
import Foundation

/// How far an announcement has gone: how many of its deliveries are in each state.
struct AnnouncementProgress: Encodable, Sendable {
    @LowercasedUUID var id: UUID
    @LowercasedUUID var communityId: UUID
    var languages: [String]
    var critical: Bool
    var recipients: Int
    var queued: Int
    var deferred: Int
    var sent: Int
    var failed: Int
    var suppressed: Int
    var createdAt: Date
}
