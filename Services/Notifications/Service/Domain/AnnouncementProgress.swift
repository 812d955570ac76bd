import Contracts
import Foundation

/// How far an announcement has gone: how many of its deliveries are in each state.
struct AnnouncementProgress: Encodable, Sendable {
    @LowercasedUUID var id: UUID
    var audience: AnnouncementRequest.Audience
    /// The community, for an announcement to one.
    var communityId: String?
    var languages: [String]
    var critical: Bool
    var recipients: Int
    var queued: Int
    var deferred: Int
    var sent: Int
    var failed: Int
    var suppressed: Int
    /// Its text messages, to those who take them (the counts above are of its e-mails).
    var textMessages: ChannelProgress
    var createdAt: Date

    /// How many of one channel's deliveries are in each state.
    struct ChannelProgress: Encodable, Sendable {
        var queued: Int
        var deferred: Int
        var sent: Int
        var failed: Int
        var suppressed: Int
    }
}
