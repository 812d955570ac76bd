import AMQP
import Contracts
import Foundation

/// A message on a dead-letter queue, as an operator reads it: which message, why it was
/// parked, after how many attempts, when, and where it came from.
///
/// A consumer parks a message with the `x-p2g-*` headers (DESIGN.md section 3). The broker
/// parks one itself when it was delivered more times than the work queue's delivery limit
/// (a message that crashes its consumer each time); that one carries the broker's `x-death`
/// headers instead, and the reason and queue come from them.
public struct ParkedMessage: Sendable, Equatable {
    /// `message_id`, if it has one.
    public var messageID: String?
    /// `type`, e.g. `registry.community-registered.v1`.
    public var type: String?
    /// Why it was parked.
    public var reason: String
    /// How many times it was tried, when known.
    public var attempts: Int?
    /// When it was parked, RFC 3339 UTC, when known.
    public var failedAt: String?
    /// The queue it was taken from, where a replay puts it back; nil when neither the
    /// consumer's nor the broker's headers name one.
    public var originalQueue: String?
    /// The body's size in bytes.
    public var bodySize: Int

    /// Reads a delivery from a dead-letter queue.
    public init(_ delivery: AMQPDelivery) {
        self.init(properties: delivery.properties, bodySize: delivery.body.count)
    }

    init(properties: AMQPProperties, bodySize: Int) {
        let headers = properties.headers
        messageID = properties.messageID
        type = properties.type
        self.bodySize = bodySize
        // The broker's entries, most recent first.
        let latestDeath: AMQPTable? = headers["x-death"]?.arrayValue?.first?.tableValue

        if let error = headers[MessagingNames.Header.error]?.stringValue {
            reason = error
        } else if let brokerReason = latestDeath?["reason"]?.stringValue {
            reason = Self.describeBrokerReason(brokerReason)
        } else if let brokerReason = headers["x-first-death-reason"]?.stringValue {
            reason = Self.describeBrokerReason(brokerReason)
        } else {
            reason = "no reason recorded"
        }

        if let count = headers[MessagingNames.Header.attempts]?.intValue {
            attempts = Int(count)
        } else {
            attempts = nil
        }

        if let text = headers[MessagingNames.Header.failedAt]?.stringValue {
            failedAt = text
        } else if let date = Self.timestamp(latestDeath?["time"]) {
            failedAt = ContractCoding.formatInstant(date)
        } else {
            failedAt = nil
        }

        if let queue = headers[MessagingNames.Header.originalQueue]?.stringValue {
            originalQueue = queue
        } else if let queue = latestDeath?["queue"]?.stringValue {
            originalQueue = queue
        } else {
            originalQueue = headers["x-first-death-queue"]?.stringValue
        }
    }

    /// Headers that describe the parking, not the message. A replay strips them: the message
    /// starts over with a full retry budget, and the broker must not take its old `x-death`
    /// entries for a dead-letter cycle (on RabbitMQ 3.x a message whose `x-death` names the
    /// work queue without a rejection is dropped when a delay queue hands it back there).
    public static func isParkingHeader(_ name: String) -> Bool {
        if ["x-death", "x-delivery-count"].contains(name) { return true }
        return ["x-p2g-", "x-first-death-", "x-last-death-"].contains { name.hasPrefix($0) }
    }

    /// The message to publish when replaying: the same body and properties (message id,
    /// type, trace context...) without the parking headers, to `queue` through the default
    /// exchange, mandatory so that a queue that does not exist fails the publish.
    static func replay(of delivery: AMQPDelivery, to queue: String) -> AMQPMessage {
        var properties = delivery.properties
        properties.headers = properties.headers.filter { !isParkingHeader($0.key) }
        if properties.deliveryMode == nil { properties.deliveryMode = .persistent }
        return AMQPMessage(exchange: "", routingKey: queue, body: delivery.body, properties: properties, mandatory: true)
    }

    private static func describeBrokerReason(_ reason: String) -> String {
        switch reason {
        case "delivery_limit":
            "parked by the broker: delivered more times than the queue's delivery limit without an acknowledgement (did the consumer crash on it?)"
        case "rejected": "parked by the broker: rejected without requeueing"
        case "expired": "parked by the broker: its time to live ran out"
        case "maxlen": "parked by the broker: the queue was over its length limit"
        default: "parked by the broker: \(reason)"
        }
    }

    private static func timestamp(_ value: AMQPFieldValue?) -> Date? {
        if case .timestamp(let date) = value { return date }
        return nil
    }
}
