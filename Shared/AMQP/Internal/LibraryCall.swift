import CRabbitMQ

/// The one place where librabbitmq results become Swift errors: every C call's result goes
/// through one of these checks, which throw an ``AMQPError`` naming the call.
enum LibraryCall {
    /// Checks a status code (`AMQP_STATUS_OK` or a negative `amqp_status_enum`).
    static func check(_ status: Int32, _ call: StaticString, _ context: @autoclosure () -> String) throws(AMQPError) {
        guard status < 0 else { return }
        throw statusError(status, call: "\(call)", context: context())
    }

    /// Checks the reply of a synchronous request (`amqp_login`, `amqp_get_rpc_reply` after a
    /// declaration, ...): a library failure, or the broker closing the channel or connection.
    static func check(_ reply: amqp_rpc_reply_t, _ call: StaticString, _ context: @autoclosure () -> String)
        throws(AMQPError)
    {
        switch reply.reply_type {
        case AMQP_RESPONSE_NORMAL:
            return
        case AMQP_RESPONSE_LIBRARY_EXCEPTION:
            throw statusError(reply.library_error, call: "\(call)", context: context())
        case AMQP_RESPONSE_SERVER_EXCEPTION:
            throw brokerError(reply.reply, call: "\(call)", context: context())
        default:
            throw AMQPError(
                .connectionLost, "\(context()): the broker closed the connection", call: "\(call)", scope: .connection)
        }
    }

    /// Checks a pointer that librabbitmq returns nil for when it runs out of memory.
    static func check<Pointee>(_ pointer: Pointee?, _ call: StaticString, _ context: @autoclosure () -> String)
        throws(AMQPError) -> Pointee
    {
        guard let pointer else {
            throw AMQPError(
                .protocolError, "\(context()): \(call) returned nothing (out of memory)", call: "\(call)",
                scope: .connection)
        }
        return pointer
    }

    /// The error for a librabbitmq status code.
    static func statusError(_ status: Int32, call: String, context: String) -> AMQPError {
        let text = String(cString: amqp_error_string2(status))
        let message = "\(context): \(text)"
        switch status {
        case AMQP_STATUS_SOCKET_ERROR.rawValue, AMQP_STATUS_CONNECTION_CLOSED.rawValue,
            AMQP_STATUS_SOCKET_CLOSED.rawValue, AMQP_STATUS_HEARTBEAT_TIMEOUT.rawValue,
            AMQP_STATUS_SSL_ERROR.rawValue, AMQP_STATUS_TIMEOUT.rawValue, AMQP_STATUS_TCP_ERROR.rawValue:
            return AMQPError(.connectionLost, message, call: call, scope: .connection, status: status)
        case AMQP_STATUS_HOSTNAME_RESOLUTION_FAILED.rawValue:
            return AMQPError(.unreachable, message, call: call, scope: .connection, status: status)
        case AMQP_STATUS_SSL_HOSTNAME_VERIFY_FAILED.rawValue, AMQP_STATUS_SSL_PEER_VERIFY_FAILED.rawValue,
            AMQP_STATUS_SSL_CONNECTION_FAILED.rawValue, AMQP_STATUS_SSL_SET_ENGINE_FAILED.rawValue:
            return AMQPError(.tls, message, call: call, scope: .connection, status: status)
        case AMQP_STATUS_TABLE_TOO_BIG.rawValue, AMQP_STATUS_INVALID_PARAMETER.rawValue:
            return AMQPError(.invalidArgument, message, call: call, scope: .request, status: status)
        default:
            return AMQPError(.protocolError, message, call: call, scope: .connection, status: status)
        }
    }

    /// The error for a channel.close or connection.close the broker sent instead of a reply.
    static func brokerError(_ method: amqp_method_t, call: String, context: String) -> AMQPError {
        switch method.id {
        case AMQP_CHANNEL_CLOSE_METHOD:
            guard let close = method.decoded?.assumingMemoryBound(to: amqp_channel_close_t.self).pointee else { break }
            let code = close.reply_code
            let text = close.reply_text.string
            let kind: AMQPError.Code
            switch code {
            case 404: kind = .notFound
            case 406: kind = .preconditionFailed
            case 405: kind = .resourceLocked
            case 403: kind = .accessRefused
            default: kind = .channelClosed
            }
            return AMQPError(kind, "\(context): \(text)", call: call, replyCode: code, scope: .channel)
        case AMQP_CONNECTION_CLOSE_METHOD:
            guard let close = method.decoded?.assumingMemoryBound(to: amqp_connection_close_t.self).pointee else {
                break
            }
            let code = close.reply_code
            let text = close.reply_text.string
            let kind: AMQPError.Code
            switch code {
            case 403, 530: kind = .accessRefused
            case 501, 502, 503, 504, 505, 540, 541: kind = .protocolError
            default: kind = .connectionLost
            }
            return AMQPError(
                kind, "\(context): the broker closed the connection: \(text)", call: call, replyCode: code,
                scope: .connection)
        default:
            break
        }
        return AMQPError(
            .protocolError, "\(context): the broker answered with unexpected method 0x\(String(method.id, radix: 16))",
            call: call, scope: .connection)
    }
}

extension amqp_bytes_t {
    /// The bytes as UTF-8 text (invalid sequences repaired).
    var string: String {
        guard let bytes, len > 0 else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: bytes, count: len), as: UTF8.self)
    }

    /// The bytes, copied.
    var array: [UInt8] {
        guard let bytes, len > 0 else { return [] }
        return [UInt8](UnsafeRawBufferPointer(start: bytes, count: len))
    }
}
