import CRabbitMQ
import Foundation

extension AMQPProperties {
    /// The properties of a received message, copied out of librabbitmq's memory.
    init(_ c: amqp_basic_properties_t) {
        self.init()
        let flags = c._flags
        func has(_ flag: Int32) -> Bool { flags & amqp_flags_t(flag) != 0 }
        if has(AMQP_BASIC_CONTENT_TYPE_FLAG) { contentType = c.content_type.string }
        if has(AMQP_BASIC_CONTENT_ENCODING_FLAG) { contentEncoding = c.content_encoding.string }
        if has(AMQP_BASIC_HEADERS_FLAG) { headers = AMQPTable(c.headers) }
        if has(AMQP_BASIC_DELIVERY_MODE_FLAG) { deliveryMode = DeliveryMode(rawValue: c.delivery_mode) }
        if has(AMQP_BASIC_PRIORITY_FLAG) { priority = c.priority }
        if has(AMQP_BASIC_CORRELATION_ID_FLAG) { correlationID = c.correlation_id.string }
        if has(AMQP_BASIC_REPLY_TO_FLAG) { replyTo = c.reply_to.string }
        if has(AMQP_BASIC_EXPIRATION_FLAG) { expiration = c.expiration.string }
        if has(AMQP_BASIC_MESSAGE_ID_FLAG) { messageID = c.message_id.string }
        if has(AMQP_BASIC_TIMESTAMP_FLAG) { timestamp = Date(timeIntervalSince1970: TimeInterval(c.timestamp)) }
        if has(AMQP_BASIC_TYPE_FLAG) { type = c.type.string }
        if has(AMQP_BASIC_USER_ID_FLAG) { userID = c.user_id.string }
        if has(AMQP_BASIC_APP_ID_FLAG) { appID = c.app_id.string }
    }
}
