import Foundation

/// The properties of a message (AMQP's basic class content header). Every field is optional;
/// an empty `headers` table is not sent.
public struct AMQPProperties: Sendable, Hashable {
    /// Whether the broker writes a message to disk.
    public enum DeliveryMode: UInt8, Sendable, Hashable {
        /// Kept in memory only.
        case transient = 1
        /// Written to disk by durable queues; survives a broker restart.
        case persistent = 2
    }

    /// The MIME type of the body, e.g. `application/json`.
    public var contentType: String?
    /// The encoding of the body, e.g. `gzip`.
    public var contentEncoding: String?
    /// Application headers.
    public var headers: AMQPTable
    /// Transient or persistent.
    public var deliveryMode: DeliveryMode?
    /// Priority 0 to 9, for priority queues.
    public var priority: UInt8?
    /// The workflow or request this message belongs to.
    public var correlationID: String?
    /// Where to send a reply.
    public var replyTo: String?
    /// Per-message time to live, in milliseconds, as a decimal string.
    public var expiration: String?
    /// The message's identity (a UUID in this project).
    public var messageID: String?
    /// When the message was made; one-second precision on the wire.
    public var timestamp: Date?
    /// The message type (the event or command type in this project).
    public var type: String?
    /// The user that published it; the broker checks it against the connection's user.
    public var userID: String?
    /// The application that published it.
    public var appID: String?

    /// Properties with the given fields; all default to absent.
    public init(
        contentType: String? = nil, contentEncoding: String? = nil, headers: AMQPTable = [:],
        deliveryMode: DeliveryMode? = nil, priority: UInt8? = nil, correlationID: String? = nil,
        replyTo: String? = nil, expiration: String? = nil, messageID: String? = nil, timestamp: Date? = nil,
        type: String? = nil, userID: String? = nil, appID: String? = nil
    ) {
        self.contentType = contentType
        self.contentEncoding = contentEncoding
        self.headers = headers
        self.deliveryMode = deliveryMode
        self.priority = priority
        self.correlationID = correlationID
        self.replyTo = replyTo
        self.expiration = expiration
        self.messageID = messageID
        self.timestamp = timestamp
        self.type = type
        self.userID = userID
        self.appID = appID
    }
}
