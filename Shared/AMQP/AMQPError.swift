/// Something went wrong talking to the broker: what, with which input, and what to do about it.
///
/// `description` is one line that is safe to log (it never contains a password); `code` tells
/// failures apart in code and `isRetryable` says whether trying again later can succeed.
public struct AMQPError: Error, Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What kind of failure this is.
    public enum Code: String, Sendable, Equatable {
        /// The AMQP URL is malformed; the message names the part.
        case invalidURL
        /// The broker refused the user name or password.
        case authenticationFailed
        /// The virtual host in the URL does not exist on the broker.
        case vhostNotFound
        /// The user may not use the virtual host or the resource (AMQP 403, or 530 at login).
        case accessRefused
        /// No broker answers at the host and port (refused, unresolvable, timed out).
        case unreachable
        /// The TLS handshake or the verification of the broker's certificate failed.
        case tls
        /// The connection dropped or the broker closed it; the client reconnects on its own.
        case connectionLost
        /// The connection was closed by its owner (`AMQPConnection.close()`).
        case connectionClosed
        /// The connection gave up reconnecting after the configured cut-off time.
        case cutOff
        /// A queue or exchange does not exist (AMQP 404).
        case notFound
        /// A declaration conflicts with what exists, or an acknowledgement was invalid (AMQP 406).
        case preconditionFailed
        /// The queue is exclusive to another connection (AMQP 405).
        case resourceLocked
        /// The broker closed the channel for another reason; `replyCode` says which.
        case channelClosed
        /// The delivery came from a channel that has since closed (for example across a
        /// reconnect): it can no longer be acknowledged, and the broker delivers it again.
        case staleDelivery
        /// The broker cancelled a consumer (its queue was deleted) and it could not be resumed.
        case consumerCancelled
        /// The request or message is not valid as given (a name too long, a table too big).
        case invalidArgument
        /// librabbitmq or the broker broke the protocol; a bug or an incompatible peer.
        case protocolError
    }

    /// What kind of failure this is.
    public let code: Code
    /// One line saying what failed and what to do; never contains a password.
    public let message: String
    /// The librabbitmq function whose result reported the failure, if one did.
    public let call: String?
    /// The AMQP reply code the broker sent (404, 406, 320, ...), if it sent one.
    public let replyCode: UInt16?

    /// How far the failure reaches, so that the connection knows what to recover.
    enum Scope: Sendable, Equatable {
        /// Only the request failed.
        case request
        /// The channel the request used is closed.
        case channel
        /// The connection is gone.
        case connection
    }

    let scope: Scope
    /// The librabbitmq status code behind the failure, if there was one.
    let status: Int32?

    init(
        _ code: Code, _ message: String, call: String? = nil, replyCode: UInt16? = nil, scope: Scope = .request,
        status: Int32? = nil
    ) {
        self.code = code
        self.message = message
        self.call = call
        self.replyCode = replyCode
        self.scope = scope
        self.status = status
    }

    /// A delivery whose channel has closed since it arrived.
    static func staleDelivery(_ deliveryTag: UInt64) -> AMQPError {
        AMQPError(
            .staleDelivery,
            "delivery \(deliveryTag) came from a channel that has closed since (connection lost or channel closed by the broker): it can no longer be acknowledged, and the broker delivers it again"
        )
    }

    /// The same failure, reaching only as far as `scope`.
    func with(scope: Scope) -> AMQPError {
        AMQPError(code, message, call: call, replyCode: replyCode, scope: scope, status: status)
    }

    /// The same failure, said differently: for a caller that knows better what it means.
    func with(code: Code, message: String) -> AMQPError {
        AMQPError(code, message, call: call, replyCode: replyCode, scope: scope, status: status)
    }

    /// Whether the same operation can succeed later without changing the configuration or the
    /// request: true for a lost or unreachable connection, false for a bad URL, wrong
    /// credentials, a missing vhost or a conflicting declaration.
    public var isRetryable: Bool {
        switch code {
        case .unreachable, .connectionLost:
            return true
        case .invalidURL, .authenticationFailed, .vhostNotFound, .accessRefused, .tls, .connectionClosed, .cutOff,
            .notFound, .preconditionFailed, .resourceLocked, .channelClosed, .staleDelivery, .consumerCancelled,
            .invalidArgument, .protocolError:
            return false
        }
    }

    public var description: String { message }

    public var debugDescription: String {
        var text = "AMQPError.\(code.rawValue): \(message)"
        if let call { text += " [\(call)]" }
        if let replyCode { text += " [reply code \(replyCode)]" }
        return text
    }
}
