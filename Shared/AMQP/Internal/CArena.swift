import CRabbitMQ
import Foundation

/// Scratch memory for the C arguments built from Swift values (names, tables, message
/// properties): a librabbitmq pool that lives on the connection's thread and is recycled after
/// each request, so that building arguments costs no malloc in the steady state.
final class CArena {
    private let pool: UnsafeMutablePointer<amqp_pool_t>

    init(pageSize: Int = 64 * 1024) {
        pool = .allocate(capacity: 1)
        init_amqp_pool(pool, pageSize)
    }

    deinit {
        empty_amqp_pool(pool)
        pool.deallocate()
    }

    /// Makes all memory handed out so far reusable; what was built from it must not be used.
    func recycle() {
        recycle_amqp_pool(pool)
    }

    func allocate(_ count: Int) throws(AMQPError) -> UnsafeMutableRawPointer {
        try LibraryCall.check(amqp_pool_alloc(pool, count), "amqp_pool_alloc", "building request arguments")
    }

    /// A copy of the text for an AMQP short string (names, keys, property values): at most 255
    /// bytes of UTF-8.
    func shortString(_ text: String, _ what: @autoclosure () -> String) throws(AMQPError) -> amqp_bytes_t {
        let count = text.utf8.count
        guard count <= 255 else {
            throw AMQPError(
                .invalidArgument, "\(what()) is \(count) bytes long; AMQP allows at most 255: shorten it")
        }
        return try copy(text)
    }

    /// A copy of the text as AMQP long string.
    func copy(_ text: String) throws(AMQPError) -> amqp_bytes_t {
        let count = text.utf8.count
        guard count > 0 else { return amqp_bytes_t(len: 0, bytes: nil) }
        let memory = try allocate(count)
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { utf8 in
            if let base = utf8.baseAddress {
                memory.copyMemory(from: base, byteCount: count)
            }
        }
        if copied == nil {
            var index = 0
            for byte in text.utf8 {
                memory.storeBytes(of: byte, toByteOffset: index, as: UInt8.self)
                index += 1
            }
        }
        return amqp_bytes_t(len: count, bytes: memory)
    }

    /// A copy of the bytes.
    func copy(_ bytes: [UInt8]) throws(AMQPError) -> amqp_bytes_t {
        guard !bytes.isEmpty else { return amqp_bytes_t(len: 0, bytes: nil) }
        let memory = try allocate(bytes.count)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress {
                memory.copyMemory(from: base, byteCount: source.count)
            }
        }
        return amqp_bytes_t(len: bytes.count, bytes: memory)
    }

    /// The table in C form; keys sorted so that the wire form does not depend on hashing.
    func table(_ table: AMQPTable) throws(AMQPError) -> amqp_table_t {
        guard !table.isEmpty else { return amqp_table_t(num_entries: 0, entries: nil) }
        let entries = try allocate(MemoryLayout<amqp_table_entry_t>.stride * table.count)
            .bindMemory(to: amqp_table_entry_t.self, capacity: table.count)
        var index = 0
        for key in table.keys.sorted() {
            guard let value = table[key] else { continue }
            let entry = amqp_table_entry_t(
                key: try shortString(key, "the table key '\(key.prefix(40))...'"), value: try fieldValue(value))
            (entries + index).initialize(to: entry)
            index += 1
        }
        return amqp_table_t(num_entries: Int32(index), entries: entries)
    }

    func fieldValue(_ value: AMQPFieldValue) throws(AMQPError) -> amqp_field_value_t {
        var field = amqp_field_value_t()
        switch value {
        case .bool(let bool):
            field.kind = UInt8(ascii: "t")
            field.value.boolean = bool ? 1 : 0
        case .int(let int):
            field.kind = UInt8(ascii: "l")
            field.value.i64 = int
        case .double(let double):
            field.kind = UInt8(ascii: "d")
            field.value.f64 = double
        case .decimal(let scale, let digits):
            field.kind = UInt8(ascii: "D")
            field.value.decimal = amqp_decimal_t(decimals: scale, value: digits)
        case .string(let string):
            field.kind = UInt8(ascii: "S")
            field.value.bytes = try copy(string)
        case .bytes(let bytes):
            field.kind = UInt8(ascii: "x")
            field.value.bytes = try copy(bytes)
        case .timestamp(let date):
            field.kind = UInt8(ascii: "T")
            field.value.u64 = Self.seconds(date)
        case .table(let table):
            field.kind = UInt8(ascii: "F")
            field.value.table = try self.table(table)
        case .array(let values):
            field.kind = UInt8(ascii: "A")
            if values.isEmpty {
                field.value.array = amqp_array_t(num_entries: 0, entries: nil)
            } else {
                let entries = try allocate(MemoryLayout<amqp_field_value_t>.stride * values.count)
                    .bindMemory(to: amqp_field_value_t.self, capacity: values.count)
                for (index, element) in values.enumerated() {
                    (entries + index).initialize(to: try fieldValue(element))
                }
                field.value.array = amqp_array_t(num_entries: Int32(values.count), entries: entries)
            }
        case .void:
            field.kind = UInt8(ascii: "V")
        }
        return field
    }

    /// The message properties in C form.
    func properties(_ properties: AMQPProperties) throws(AMQPError) -> amqp_basic_properties_t {
        var c = amqp_basic_properties_t()
        var flags: amqp_flags_t = 0
        if let value = properties.contentType {
            c.content_type = try shortString(value, "the content type")
            flags |= amqp_flags_t(AMQP_BASIC_CONTENT_TYPE_FLAG)
        }
        if let value = properties.contentEncoding {
            c.content_encoding = try shortString(value, "the content encoding")
            flags |= amqp_flags_t(AMQP_BASIC_CONTENT_ENCODING_FLAG)
        }
        if !properties.headers.isEmpty {
            c.headers = try table(properties.headers)
            flags |= amqp_flags_t(AMQP_BASIC_HEADERS_FLAG)
        }
        if let value = properties.deliveryMode {
            c.delivery_mode = value.rawValue
            flags |= amqp_flags_t(AMQP_BASIC_DELIVERY_MODE_FLAG)
        }
        if let value = properties.priority {
            c.priority = value
            flags |= amqp_flags_t(AMQP_BASIC_PRIORITY_FLAG)
        }
        if let value = properties.correlationID {
            c.correlation_id = try shortString(value, "the correlation id")
            flags |= amqp_flags_t(AMQP_BASIC_CORRELATION_ID_FLAG)
        }
        if let value = properties.replyTo {
            c.reply_to = try shortString(value, "the reply-to address")
            flags |= amqp_flags_t(AMQP_BASIC_REPLY_TO_FLAG)
        }
        if let value = properties.expiration {
            c.expiration = try shortString(value, "the expiration")
            flags |= amqp_flags_t(AMQP_BASIC_EXPIRATION_FLAG)
        }
        if let value = properties.messageID {
            c.message_id = try shortString(value, "the message id")
            flags |= amqp_flags_t(AMQP_BASIC_MESSAGE_ID_FLAG)
        }
        if let value = properties.timestamp {
            c.timestamp = Self.seconds(value)
            flags |= amqp_flags_t(AMQP_BASIC_TIMESTAMP_FLAG)
        }
        if let value = properties.type {
            c.type = try shortString(value, "the message type")
            flags |= amqp_flags_t(AMQP_BASIC_TYPE_FLAG)
        }
        if let value = properties.userID {
            c.user_id = try shortString(value, "the user id")
            flags |= amqp_flags_t(AMQP_BASIC_USER_ID_FLAG)
        }
        if let value = properties.appID {
            c.app_id = try shortString(value, "the app id")
            flags |= amqp_flags_t(AMQP_BASIC_APP_ID_FLAG)
        }
        c._flags = flags
        return c
    }

    private static func seconds(_ date: Date) -> UInt64 {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        return seconds > 0 ? UInt64(seconds) : 0
    }
}
