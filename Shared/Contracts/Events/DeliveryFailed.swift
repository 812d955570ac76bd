import Foundation

/// A notification could not be delivered and will not be tried again:
/// `notifications.delivery-failed.v1`, after a permanent refusal, after the last of its
/// retries of temporary failures, or when a bounce came back after the relay took it (reason
/// `bounced: <status> <diagnostic>`). The reason names the kind of failure and the relay's
/// reply code, never an address.
public struct DeliveryFailed: IntegrationEvent {
    public static let eventType = MessageType(service: "notifications", name: "delivery-failed", version: 1)

    @LowercasedUUID public var deliveryId: UUID
    /// The volunteer the notification was for.
    @LowercasedUUID public var recipientId: UUID
    /// `email`.
    public var channel: String
    /// What the notification was about: `volunteer-welcome`, `joint-team-formed`, `announcement`.
    public var kind: String
    /// The message (event or announcement) that caused it.
    @LowercasedUUID public var causeId: UUID
    /// How many times it was tried.
    public var attempts: Int
    /// True when the channel refused it for good (an SMTP 5xx reply); false when temporary
    /// failures went on past the last retry.
    public var permanent: Bool
    /// The channel's reply code, when it answered (550, 451...).
    public var replyCode: Int?
    /// What failed, in words without personal data.
    public var reason: String
    public var failedAt: Date

    public init(
        deliveryId: UUID, recipientId: UUID, channel: String, kind: String, causeId: UUID, attempts: Int, permanent: Bool,
        replyCode: Int?, reason: String, failedAt: Date
    ) {
        self.deliveryId = deliveryId
        self.recipientId = recipientId
        self.channel = channel
        self.kind = kind
        self.causeId = causeId
        self.attempts = attempts
        self.permanent = permanent
        self.replyCode = replyCode
        self.reason = reason
        self.failedAt = failedAt
    }
}
