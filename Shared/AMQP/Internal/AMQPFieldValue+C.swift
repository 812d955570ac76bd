import CRabbitMQ
import Foundation

extension AMQPFieldValue {
    /// A value of a received table, copied out of librabbitmq's memory.
    init(_ c: amqp_field_value_t) {
        switch c.kind {
        case UInt8(ascii: "t"): self = .bool(c.value.boolean != 0)
        case UInt8(ascii: "b"): self = .int(Int64(c.value.i8))
        case UInt8(ascii: "B"): self = .int(Int64(c.value.u8))
        case UInt8(ascii: "s"): self = .int(Int64(c.value.i16))
        case UInt8(ascii: "u"): self = .int(Int64(c.value.u16))
        case UInt8(ascii: "I"): self = .int(Int64(c.value.i32))
        case UInt8(ascii: "i"): self = .int(Int64(c.value.u32))
        case UInt8(ascii: "l"): self = .int(c.value.i64)
        case UInt8(ascii: "L"): self = .int(Int64(truncatingIfNeeded: c.value.u64))
        case UInt8(ascii: "f"): self = .double(Double(c.value.f32))
        case UInt8(ascii: "d"): self = .double(c.value.f64)
        case UInt8(ascii: "D"): self = .decimal(scale: c.value.decimal.decimals, value: c.value.decimal.value)
        case UInt8(ascii: "S"): self = .string(c.value.bytes.string)
        case UInt8(ascii: "x"): self = .bytes(c.value.bytes.array)
        case UInt8(ascii: "T"): self = .timestamp(Date(timeIntervalSince1970: TimeInterval(c.value.u64)))
        case UInt8(ascii: "F"): self = .table(AMQPTable(c.value.table))
        case UInt8(ascii: "A"):
            let array = c.value.array
            var values: [AMQPFieldValue] = []
            if let entries = array.entries, array.num_entries > 0 {
                values.reserveCapacity(Int(array.num_entries))
                for index in 0..<Int(array.num_entries) {
                    values.append(AMQPFieldValue(entries[index]))
                }
            }
            self = .array(values)
        default: self = .void
        }
    }
}

extension Dictionary where Key == String, Value == AMQPFieldValue {
    /// A received table, copied out of librabbitmq's memory.
    init(_ c: amqp_table_t) {
        self.init()
        guard let entries = c.entries, c.num_entries > 0 else { return }
        reserveCapacity(Int(c.num_entries))
        for index in 0..<Int(c.num_entries) {
            let entry = entries[index]
            self[entry.key.string] = AMQPFieldValue(entry.value)
        }
    }
}
