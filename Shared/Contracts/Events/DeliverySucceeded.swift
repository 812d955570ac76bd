import Foundation

/// The notifications service handed a notification to its channel and the channel took it:
/// `notifications.delivery-succeeded.v1`, correlated with the event that caused it. It names
/// the recipient by id only; addresses stay with the notifications service.
public struct DeliverySucceeded: IntegrationEvent {
    public static let eventType = MessageType(service: "notifications", name: "delivery-succeeded", version: 1)

    @LowercasedUUID public var deliveryId: UUID
    /// The volunteer the notification went to.
    @LowercasedUUID public var recipientId: UUID
    /// `email`.
    public var channel: String
    /// What the notification was about: `volunteer-welcome`, `joint-team-formed`, `announcement`.
    public var kind: String
    /// The message (event or announcement) that caused it.
    @LowercasedUUID public var causeId: UUID
    /// How many times it was tried, this one included.
    public var attempts: Int
    public var deliveredAt: Date

    public init(
        deliveryId: UUID, recipientId: UUID, channel: String, kind: String, causeId: UUID, attempts: Int, deliveredAt: Date
    ) {
        self.deliveryId = deliveryId
        self.recipientId = recipientId
        self.channel = channel
        self.kind = kind
        self.causeId = causeId
        self.attempts = attempts
        self.deliveredAt = deliveredAt
    }
}
