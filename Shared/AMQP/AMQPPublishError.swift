/// One message of a batch was not confirmed by the broker, and why.
public struct AMQPPublishError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why the broker did not take responsibility for the message.
    public enum Reason: Sendable, Equatable {
        /// The broker answered basic.nack: it could not store the message.
        case nacked
        /// The message was mandatory and no queue took it (basic.return, usually 312 NO_ROUTE).
        case returned(replyCode: UInt16, replyText: String)
        /// The broker closed the publishing channel before confirming (for example 404 when the
        /// exchange does not exist); every unconfirmed message of the channel fails with it.
        case channelClosed(replyCode: UInt16, replyText: String)
        /// The connection dropped before the confirm arrived; the message may or may not have
        /// been taken, so publish it again (consumers deduplicate by message id).
        case connectionLost(String)
        /// The connection was closed by its owner or gave up reconnecting.
        case connectionClosed(String)
        /// The message could not be encoded (a header table too big for a frame, a name over
        /// 255 bytes).
        case invalidMessage(String)
        /// The broker blocked publishing (a memory or disk alarm) for longer than the
        /// configuration's `blockedPublishTimeout`; the message may or may not be taken once
        /// the alarm clears, so publish it again then (consumers deduplicate by message id).
        case blocked(String)
    }

    /// What kind of failure this is, for callers that handle every error one way (as
    /// ``AMQPError/code`` and `PostgresError.code`); ``reason`` carries the broker's detail.
    public enum Code: String, Sendable, Equatable {
        case nacked, returned, channelClosed, connectionLost, connectionClosed, invalidMessage, blocked
    }

    /// Why it failed.
    public let reason: Reason

    /// What kind of failure this is.
    public var code: Code {
        switch reason {
        case .nacked: .nacked
        case .returned: .returned
        case .channelClosed: .channelClosed
        case .connectionLost: .connectionLost
        case .connectionClosed: .connectionClosed
        case .invalidMessage: .invalidMessage
        case .blocked: .blocked
        }
    }
    /// The position of the message in the batch it was published with.
    public let index: Int
    /// The exchange the message was published to.
    public let exchange: String
    /// Its routing key.
    public let routingKey: String
    /// Its message id, if it had one.
    public let messageID: String?

    init(_ reason: Reason, index: Int, message: AMQPMessage) {
        self.reason = reason
        self.index = index
        self.exchange = message.exchange
        self.routingKey = message.routingKey
        self.messageID = message.properties.messageID
    }

    /// Whether publishing the same message again can succeed: true after a nack or a lost
    /// connection; false when it was unroutable, invalid, or its channel was closed for a
    /// reason that will recur (a missing exchange, missing rights).
    public var isRetryable: Bool {
        switch reason {
        case .nacked, .connectionLost, .blocked:
            return true
        case .channelClosed(let code, _):
            // 404, 403 and 406 name a problem with the topology or the rights; others (e.g.
            // 320 on a forced close) pass.
            return ![403, 404, 406].contains(code)
        case .returned, .connectionClosed, .invalidMessage:
            return false
        }
    }

    public var description: String {
        let what =
            "message #\(index)\(messageID.map { " (id \($0))" } ?? "") to exchange '\(exchange)' with routing key '\(routingKey)'"
        switch reason {
        case .nacked:
            return "\(what) was nacked by the broker: publish it again"
        case .returned(let code, let text):
            return "\(what) was returned as unroutable (\(code) \(text)): bind a queue that matches the routing key"
        case .channelClosed(let code, let text):
            return "\(what) was not confirmed: the broker closed the channel (\(code) \(text))"
        case .connectionLost(let detail):
            return "\(what) was not confirmed before the connection dropped (\(detail)): publish it again"
        case .connectionClosed(let detail):
            return "\(what) was not confirmed: \(detail)"
        case .invalidMessage(let detail):
            return "\(what) could not be sent: \(detail)"
        case .blocked(let detail):
            return "\(what) was not confirmed: \(detail); publish it again once the alarm clears"
        }
    }
}
