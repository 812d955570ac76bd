import UUIDText

/// A JSON document checked against RFC 8259 and laid out as a flat list of values in document
/// order, for ``BodyDecoder`` to read without building dictionaries.
///
/// An object's entry is followed by its members, each a key entry and then the value's
/// entries; an array's entry by its elements. Every entry knows where the next sibling starts,
/// so that a value the decoder does not read is skipped in one step.
///
/// The parser is strict: it declines anything RFC 8259 does not allow (and a few things it
/// allows but that a message body never has, such as a lone surrogate in a `\u` escape, or
/// nesting deeper than 128), so that whatever it accepts, Foundation's parser accepts too.
struct JSONTape: Sendable {
    enum Kind: UInt8, Sendable {
        case object, array, string, number, `true`, `false`, null
    }

    struct Entry: Sendable {
        var kind: Kind
        /// Strings: has a backslash escape. Numbers: has a fraction or an exponent. Objects:
        /// has a key with an escape or beyond ASCII, so that keys must be compared as strings.
        var marked: Bool
        /// Strings: has bytes beyond ASCII.
        var wide: Bool
        /// Strings and numbers: where the text begins and ends in the document, without quotes.
        var start: Int
        var end: Int
        /// Objects: members; arrays: elements.
        var count: Int
        /// The entry of the next sibling (or of whatever follows the enclosing value).
        var next: Int
    }

    let bytes: [UInt8]
    let entries: [Entry]

    /// Nil when the document is not one JSON value that this parser takes.
    init?(_ bytes: [UInt8]) {
        let parsed = bytes.withUnsafeBufferPointer { buffer -> [Entry]? in
            var parser = Parser(bytes: buffer)
            return parser.document()
        }
        guard let parsed else { return nil }
        self.bytes = bytes
        self.entries = parsed
    }

    private struct Declined: Error {}

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var entries: [Entry] = []

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            entries.reserveCapacity(32)
        }

        static let maximumDepth = 128

        mutating func document() -> [Entry]? {
            do {
                skipWhitespace()
                try value(depth: 0)
                skipWhitespace()
                guard index == bytes.count else { return nil }
                return entries
            } catch {
                return nil
            }
        }

        /// The byte at `index`, or 0 past the end (0 is never valid where a byte is expected).
        private func peek() -> UInt8 { index < bytes.count ? bytes[index] : 0 }

        private mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        private mutating func value(depth: Int) throws(Declined) {
            switch peek() {
            case UInt8(ascii: "{"): try object(depth: depth)
            case UInt8(ascii: "["): try array(depth: depth)
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "t"): try literal("true", .true)
            case UInt8(ascii: "f"): try literal("false", .false)
            case UInt8(ascii: "n"): try literal("null", .null)
            default: try number()
            }
        }

        private mutating func append(_ kind: Kind, start: Int = 0, end: Int = 0, marked: Bool = false, wide: Bool = false) {
            entries.append(
                Entry(kind: kind, marked: marked, wide: wide, start: start, end: end, count: 0, next: entries.count + 1))
        }

        private mutating func object(depth: Int) throws(Declined) {
            var keys: [Int] = []
            let slot = try container(.object, closer: UInt8(ascii: "}"), depth: depth) { (parser: inout Parser) throws(Declined) in
                guard parser.peek() == UInt8(ascii: "\"") else { throw Declined() }
                keys.append(parser.entries.count)
                try parser.string()
                parser.skipWhitespace()
                guard parser.peek() == UInt8(ascii: ":") else { throw Declined() }
                parser.index += 1
                parser.skipWhitespace()
                try parser.value(depth: depth + 1)
            }
            if keys.contains(where: { entries[$0].marked || entries[$0].wide }) {
                entries[slot].marked = true
            } else if hasRepeatedKey(keys) {
                throw Declined()
            }
        }

        private mutating func array(depth: Int) throws(Declined) {
            try container(.array, closer: UInt8(ascii: "]"), depth: depth) { (parser: inout Parser) throws(Declined) in
                try parser.value(depth: depth + 1)
            }
        }

        /// An object or array at `index`: its entry, then what `element` reads for each member or
        /// element, separated by commas, up to `closer`. Returns the entry's position.
        @discardableResult
        private mutating func container(
            _ kind: Kind, closer: UInt8, depth: Int, element: (inout Parser) throws(Declined) -> Void
        ) throws(Declined) -> Int {
            guard depth < Self.maximumDepth else { throw Declined() }
            let slot = entries.count
            append(kind)
            index += 1
            skipWhitespace()
            var count = 0
            if peek() == closer {
                index += 1
            } else {
                while true {
                    skipWhitespace()
                    try element(&self)
                    count += 1
                    skipWhitespace()
                    let separator = peek()
                    index += 1
                    if separator == UInt8(ascii: ",") { continue }
                    if separator == closer { break }
                    throw Declined()
                }
            }
            entries[slot].count = count
            entries[slot].next = entries.count
            return slot
        }

        /// Whether two of these plain keys (ASCII, no escapes) are the same. With none repeated,
        /// a lookup can stop at the first key that matches.
        private func hasRepeatedKey(_ keys: [Int]) -> Bool {
            func same(_ a: Int, _ b: Int) -> Bool {
                let left = entries[a]
                let right = entries[b]
                guard left.end - left.start == right.end - right.start else { return false }
                for offset in 0..<(left.end - left.start) where bytes[left.start + offset] != bytes[right.start + offset] {
                    return false
                }
                return true
            }
            if keys.count <= 16 {
                for (index, key) in keys.enumerated() {
                    for other in keys[(index + 1)...] where same(key, other) { return true }
                }
                return false
            }
            var byText: [String: Int] = [:]
            for key in keys {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[entries[key].start..<entries[key].end]), as: UTF8.self)
                if byText.updateValue(key, forKey: text) != nil { return true }
            }
            return false
        }

        private mutating func literal(_ text: StaticString, _ kind: Kind) throws(Declined) {
            let count = text.utf8CodeUnitCount
            guard index + count <= bytes.count else { throw Declined() }
            for offset in 0..<count where bytes[index + offset] != text.utf8Start[offset] { throw Declined() }
            index += count
            append(kind)
        }

        /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
        private mutating func number() throws(Declined) {
            let start = index
            var marked = false
            if peek() == UInt8(ascii: "-") { index += 1 }
            if peek() == UInt8(ascii: "0") {
                index += 1
            } else {
                guard isDigit(peek()) else { throw Declined() }
                while isDigit(peek()) { index += 1 }
            }
            if peek() == UInt8(ascii: ".") {
                marked = true
                index += 1
                guard isDigit(peek()) else { throw Declined() }
                while isDigit(peek()) { index += 1 }
            }
            if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
                marked = true
                index += 1
                if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
                guard isDigit(peek()) else { throw Declined() }
                while isDigit(peek()) { index += 1 }
            }
            append(.number, start: start, end: index, marked: marked)
        }

        private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        /// A string, its escapes and its UTF-8 checked.
        private mutating func string() throws(Declined) {
            index += 1
            let start = index
            var escaped = false
            var wide = false
            while true {
                guard index < bytes.count else { throw Declined() }
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") { break }
                if byte < 0x20 { throw Declined() }
                if byte == UInt8(ascii: "\\") {
                    escaped = true
                    try escape()
                } else if byte >= 0x80 {
                    wide = true
                    try multibyte()
                } else {
                    index += 1
                }
            }
            append(.string, start: start, end: index, marked: escaped, wide: wide)
            index += 1
        }

        private mutating func escape() throws(Declined) {
            index += 1
            switch peek() {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                index += 1
            case UInt8(ascii: "u"):
                let unit = try hexUnit()
                if (0xD800...0xDBFF).contains(unit) {
                    guard peek() == UInt8(ascii: "\\") else { throw Declined() }
                    index += 1
                    guard peek() == UInt8(ascii: "u"), (0xDC00...0xDFFF).contains(try hexUnit()) else { throw Declined() }
                } else if (0xDC00...0xDFFF).contains(unit) {
                    throw Declined()
                }
            default:
                throw Declined()
            }
        }

        /// `uXXXX` at `index`; leaves `index` after it.
        private mutating func hexUnit() throws(Declined) -> UInt32 {
            guard index + 5 <= bytes.count else { throw Declined() }
            var unit: UInt32 = 0
            for offset in 1...4 {
                guard let digit = bytes[index + offset].hexDigitValue else { throw Declined() }
                unit = unit << 4 | UInt32(digit)
            }
            index += 5
            return unit
        }

        /// One well-formed UTF-8 sequence of two to four bytes (no overlong forms, no
        /// surrogates, nothing beyond U+10FFFF).
        private mutating func multibyte() throws(Declined) {
            let lead = bytes[index]
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: throw Declined()
            }
            guard index + length <= bytes.count else { throw Declined() }
            guard (low...high).contains(bytes[index + 1]) else { throw Declined() }
            for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) { throw Declined() }
            index += length
        }
    }

    // MARK: Reading values

    /// The text of a string entry, escapes resolved.
    func text(_ entry: Entry) -> String? {
        bytes.withUnsafeBufferPointer { buffer -> String? in
            let raw = UnsafeBufferPointer(rebasing: buffer[entry.start..<entry.end])
            if !entry.marked {
                // Checked as UTF-8 while parsing.
                return String(decoding: raw, as: UTF8.self)
            }
            var output: [UInt8] = []
            output.reserveCapacity(raw.count)
            var index = 0
            while index < raw.count {
                let byte = raw[index]
                guard byte == UInt8(ascii: "\\") else {
                    output.append(byte)
                    index += 1
                    continue
                }
                let kind = raw[index + 1]
                index += 2
                switch kind {
                case UInt8(ascii: "b"): output.append(0x08)
                case UInt8(ascii: "f"): output.append(0x0C)
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = Self.hexUnit(raw, at: index)
                    index += 4
                    if (0xD800...0xDBFF).contains(scalar) {
                        let trailing = Self.hexUnit(raw, at: index + 2)
                        index += 6
                        scalar = 0x10000 + (scalar - 0xD800) << 10 + (trailing - 0xDC00)
                    }
                    guard let value = Unicode.Scalar(scalar), let encoded = UTF8.encode(value) else { return nil }
                    output.append(contentsOf: encoded)
                default: output.append(kind)  // `"`, `\`, `/`
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    private static func hexUnit(_ raw: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
        var unit: UInt32 = 0
        for offset in 0..<4 { unit = unit << 4 | UInt32(raw[index + offset].hexDigitValue ?? 0) }
        return unit
    }

    /// Whether a plain string entry (ASCII, no escapes) has exactly these bytes.
    func plainString(_ entry: Entry, equals key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard key.count == entry.end - entry.start else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            for offset in 0..<key.count where buffer[entry.start + offset] != key[offset] { return false }
            return true
        }
    }

    /// The text of a number entry.
    func numberText(_ entry: Entry) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[entry.start..<entry.end]), as: UTF8.self)
        }
    }

    /// An integer entry (digits only) as `Value`; nil when it has a fraction or exponent, or
    /// does not fit.
    func integer<Value: FixedWidthInteger>(_ entry: Entry, as: Value.Type) -> Value? {
        guard !entry.marked else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Value? in
            var index = entry.start
            let negative = buffer[index] == UInt8(ascii: "-")
            if negative {
                guard Value.isSigned else { return nil }
                index += 1
            }
            var value: Value = 0
            while index < entry.end {
                let digit = Value(buffer[index] - UInt8(ascii: "0"))
                let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
                let (next, overflowB) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
                guard !overflowA, !overflowB else { return nil }
                value = next
                index += 1
            }
            return value
        }
    }
}
