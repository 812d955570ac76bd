import Contracts
import Foundation
import UUIDText

/// Reads a message body the way ``ContractCoding``'s Foundation decoder does, in a fraction of
/// its time: Foundation's `JSONDecoder` was about 40% of a consumer's processor time, most of
/// it in building dictionaries and coding paths that a well-formed body never needs.
///
/// It answers only when it is sure of Foundation's answer. Anything out of the ordinary (a
/// value of the wrong kind, a missing or repeated key, a number that is not a plain integer
/// where an integer is read, `Float`, `Data`, `URL`, `Decimal`, a super-decoder) makes it
/// decline, and it also declines when the type being decoded caught one of its refusals and
/// went on; the caller then asks Foundation, whose value or error stands. So every error a
/// message is parked with is Foundation's, word for word.
enum BodyDecoder {
    /// Thrown when the body needs Foundation's reading.
    struct Declined: Error {}

    static func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8]) throws(Declined) -> Value {
        guard let tape = JSONTape(bytes) else { throw Declined() }
        let document = Document(tape)
        let value: Value
        do {
            value = try ValueDecoder(document: document, position: 0, parent: nil, key: nil).decode(Value.self)
        } catch {
            throw Declined()
        }
        guard !document.declined else { throw Declined() }
        return value
    }

    /// The parsed body, and whether the decoder has declined anything while reading it.
    final class Document {
        let tape: JSONTape
        var declined = false

        init(_ tape: JSONTape) { self.tape = tape }

        func entry(_ position: Int) -> JSONTape.Entry { tape.entries[position] }

        /// Declines the body: whatever the type makes of the error, Foundation reads it.
        func decline() -> Declined {
            declined = true
            return Declined()
        }

        func bool(at position: Int) throws(Declined) -> Bool {
            switch entry(position).kind {
            case .true: return true
            case .false: return false
            default: throw decline()
            }
        }

        func string(at position: Int) throws(Declined) -> String {
            let entry = entry(position)
            guard entry.kind == .string, let text = tape.text(entry) else { throw decline() }
            return text
        }

        func double(at position: Int) throws(Declined) -> Double {
            let entry = entry(position)
            // Foundation refuses what does not fit in a Double; so does this, by declining.
            guard entry.kind == .number, let value = Double(tape.numberText(entry)), value.isFinite else { throw decline() }
            return value
        }

        func integer<Value: FixedWidthInteger>(_ type: Value.Type, at position: Int) throws(Declined) -> Value {
            let entry = entry(position)
            guard entry.kind == .number, let value = tape.integer(entry, as: Value.self) else { throw decline() }
            return value
        }

        /// The UUID at `position`: what `UUID(uuidString:)` reads, without its sscanf; anything
        /// stranger declines.
        func uuid(at position: Int) throws(Declined) -> UUID {
            guard let uuid = UUID(hyphenatedText: try string(at: position)) else { throw decline() }
            return uuid
        }

        /// The array of strings at `position`, as `[String]`'s own decoding reads it.
        func strings(at position: Int) throws(Declined) -> [String] {
            let array = entry(position)
            guard array.kind == .array else { throw decline() }
            var strings: [String] = []
            strings.reserveCapacity(array.count)
            var element = position + 1
            for _ in 0..<array.count {
                strings.append(try string(at: element))
                element = entry(element).next
            }
            return strings
        }

        /// The position of `key`'s value in the object at `position`; nil when the object has no
        /// such key. Declines a key the object has twice.
        func member(_ key: String, ofObjectAt position: Int) throws(Declined) -> Int? {
            let object = entry(position)
            var key = key
            let plain = key.withUTF8 { keyBytes -> Int?? in
                // ASCII keys without escapes (the object's parser checked that none repeats) are
                // the same string exactly when they are the same bytes.
                guard !object.marked, keyBytes.allSatisfy({ $0 < 0x80 }) else { return .none }
                var keyPosition = position + 1
                for _ in 0..<object.count {
                    if tape.plainString(entry(keyPosition), equals: keyBytes) { return .some(keyPosition + 1) }
                    keyPosition = entry(keyPosition + 1).next
                }
                return .some(nil)
            }
            if let plain { return plain }
            var found: Int?
            var keyPosition = position + 1
            for _ in 0..<object.count {
                let valuePosition = keyPosition + 1
                if tape.text(entry(keyPosition)) == key {
                    if found != nil { throw decline() }
                    found = valuePosition
                }
                keyPosition = entry(valuePosition).next
            }
            return found
        }

        /// The keys of the object at `position`, in order.
        func keys(ofObjectAt position: Int) -> [String] {
            let object = entry(position)
            var keys: [String] = []
            var keyPosition = position + 1
            for _ in 0..<object.count {
                keys.append(tape.text(entry(keyPosition)) ?? "")
                keyPosition = entry(keyPosition + 1).next
            }
            return keys
        }
    }

    /// A coding key for an array element, for coding paths.
    struct ElementKey: CodingKey {
        let intValue: Int?
        var stringValue: String { "Index \(intValue ?? 0)" }
        init(index: Int) { intValue = index }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.intValue = intValue }
    }

    /// The decoder of one value; also its single-value container.
    final class ValueDecoder: Decoder, SingleValueDecodingContainer {
        let document: Document
        let position: Int
        private let parent: ValueDecoder?
        private let key: (any CodingKey)?

        init(document: Document, position: Int, parent: ValueDecoder?, key: (any CodingKey)?) {
            self.document = document
            self.position = position
            self.parent = parent
            self.key = key
        }

        var codingPath: [any CodingKey] {
            var path: [any CodingKey] = []
            var node: ValueDecoder? = self
            while let current = node {
                if let key = current.key { path.append(key) }
                node = current.parent
            }
            return path.reversed()
        }

        var userInfo: [CodingUserInfoKey: Any] { [:] }

        /// The value at `position`: this one's, or a child's under `key`.
        func read<Value: Decodable>(_ type: Value.Type, at position: Int, key: (any CodingKey)?) throws -> Value {
            if Value.self == Date.self {
                // The decoder's date strategy: ContractCoding.parseInstant.
                guard let date = ContractCoding.parseInstant(try document.string(at: position)) as? Value else {
                    throw document.decline()
                }
                return date
            }
            if Value.self == UUID.self {
                guard let uuid = try document.uuid(at: position) as? Value else { throw document.decline() }
                return uuid
            }
            // Two kinds of value most bodies hold, read in place: through `Value(from:)`, each
            // took a decoder of its own, and a list one more per element.
            if Value.self == [String].self {
                guard let strings = try document.strings(at: position) as? Value else { throw document.decline() }
                return strings
            }
            if Value.self == LowercasedUUID.self {
                let wrapped = LowercasedUUID(wrappedValue: try document.uuid(at: position))
                guard let value = wrapped as? Value else { throw document.decline() }
                return value
            }
            if Value.self == Data.self || Value.self == URL.self || Value.self == Decimal.self || Value.self == Float.self {
                // Foundation's decoder reads these its own way.
                throw document.decline()
            }
            if position == self.position, key == nil { return try Value(from: self) }
            return try Value(from: ValueDecoder(document: document, position: position, parent: self, key: key))
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            guard document.entry(position).kind == .object else { throw document.decline() }
            return KeyedDecodingContainer(KeyedReader<Key>(decoder: self))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            guard document.entry(position).kind == .array else { throw document.decline() }
            return UnkeyedReader(decoder: self)
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

        func decodeNil() -> Bool { document.entry(position).kind == .null }
        func decode(_ type: Bool.Type) throws -> Bool { try document.bool(at: position) }
        func decode(_ type: String.Type) throws -> String { try document.string(at: position) }
        func decode(_ type: Double.Type) throws -> Double { try document.double(at: position) }
        func decode(_ type: Float.Type) throws -> Float { throw document.decline() }
        func decode(_ type: Int.Type) throws -> Int { try document.integer(type, at: position) }
        func decode(_ type: Int8.Type) throws -> Int8 { try document.integer(type, at: position) }
        func decode(_ type: Int16.Type) throws -> Int16 { try document.integer(type, at: position) }
        func decode(_ type: Int32.Type) throws -> Int32 { try document.integer(type, at: position) }
        func decode(_ type: Int64.Type) throws -> Int64 { try document.integer(type, at: position) }
        func decode(_ type: UInt.Type) throws -> UInt { try document.integer(type, at: position) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try document.integer(type, at: position) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try document.integer(type, at: position) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try document.integer(type, at: position) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try document.integer(type, at: position) }
        func decode(_ type: Int128.Type) throws -> Int128 { throw document.decline() }
        func decode(_ type: UInt128.Type) throws -> UInt128 { throw document.decline() }
        func decode<Value: Decodable>(_ type: Value.Type) throws -> Value { try read(type, at: position, key: nil) }
    }

    struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: ValueDecoder
        private var document: Document { decoder.document }

        init(decoder: ValueDecoder) { self.decoder = decoder }

        var codingPath: [any CodingKey] { decoder.codingPath }

        var allKeys: [Key] {
            let keys = document.keys(ofObjectAt: decoder.position)
            if Set(keys).count != keys.count { _ = document.decline() }
            return keys.compactMap(Key.init(stringValue:))
        }

        func contains(_ key: Key) -> Bool {
            do {
                return try document.member(key.stringValue, ofObjectAt: decoder.position) != nil
            } catch {
                return true  // a repeated key: declined, and whatever comes next reads it from Foundation
            }
        }

        /// The position of `key`'s value; a missing key declines.
        private func value(_ key: Key) throws(Declined) -> Int {
            guard let position = try document.member(key.stringValue, ofObjectAt: decoder.position) else { throw document.decline() }
            return position
        }

        func decodeNil(forKey key: Key) throws -> Bool { document.entry(try value(key)).kind == .null }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try document.bool(at: try value(key)) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try document.string(at: try value(key)) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try document.double(at: try value(key)) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw document.decline() }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try document.integer(type, at: try value(key)) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try document.integer(type, at: try value(key)) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try document.integer(type, at: try value(key)) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try document.integer(type, at: try value(key)) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try document.integer(type, at: try value(key)) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try document.integer(type, at: try value(key)) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try document.integer(type, at: try value(key)) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try document.integer(type, at: try value(key)) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try document.integer(type, at: try value(key)) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try document.integer(type, at: try value(key)) }
        func decode(_ type: Int128.Type, forKey key: Key) throws -> Int128 { throw document.decline() }
        func decode(_ type: UInt128.Type, forKey key: Key) throws -> UInt128 { throw document.decline() }
        func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value {
            try decoder.read(type, at: try value(key), key: key)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<
            NestedKey
        > {
            try ValueDecoder(document: document, position: try value(key), parent: decoder, key: key).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try ValueDecoder(document: document, position: try value(key), parent: decoder, key: key).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { throw document.decline() }
        func superDecoder(forKey key: Key) throws -> any Decoder { throw document.decline() }
    }

    struct UnkeyedReader: UnkeyedDecodingContainer {
        let decoder: ValueDecoder
        let count: Int?
        private(set) var currentIndex = 0
        /// The position of the next element.
        private var cursor: Int
        private var document: Document { decoder.document }

        init(decoder: ValueDecoder) {
            self.decoder = decoder
            self.count = decoder.document.entry(decoder.position).count
            self.cursor = decoder.position + 1
        }

        var codingPath: [any CodingKey] { decoder.codingPath }
        var isAtEnd: Bool { currentIndex >= (count ?? 0) }

        /// The position of the next element, moving past it; past the end declines.
        private mutating func next() throws(Declined) -> Int {
            guard !isAtEnd else { throw document.decline() }
            let position = cursor
            cursor = document.entry(position).next
            currentIndex += 1
            return position
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd else { throw document.decline() }
            guard document.entry(cursor).kind == .null else { return false }
            _ = try next()
            return true
        }

        mutating func decode(_ type: Bool.Type) throws -> Bool { try document.bool(at: try next()) }
        mutating func decode(_ type: String.Type) throws -> String { try document.string(at: try next()) }
        mutating func decode(_ type: Double.Type) throws -> Double { try document.double(at: try next()) }
        mutating func decode(_ type: Float.Type) throws -> Float { throw document.decline() }
        mutating func decode(_ type: Int.Type) throws -> Int { try document.integer(type, at: try next()) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try document.integer(type, at: try next()) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try document.integer(type, at: try next()) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try document.integer(type, at: try next()) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try document.integer(type, at: try next()) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try document.integer(type, at: try next()) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try document.integer(type, at: try next()) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try document.integer(type, at: try next()) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try document.integer(type, at: try next()) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try document.integer(type, at: try next()) }
        mutating func decode(_ type: Int128.Type) throws -> Int128 { throw document.decline() }
        mutating func decode(_ type: UInt128.Type) throws -> UInt128 { throw document.decline() }
        mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
            let index = currentIndex
            return try decoder.read(type, at: try next(), key: ElementKey(index: index))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            let index = currentIndex
            return try ValueDecoder(document: document, position: try next(), parent: decoder, key: ElementKey(index: index))
                .container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let index = currentIndex
            return try ValueDecoder(document: document, position: try next(), parent: decoder, key: ElementKey(index: index))
                .unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder { throw document.decline() }
    }
}
