import Foundation

/// The hyphenated text form of a UUID (`8-4-4-4-12` hexadecimal digits), read and written
/// directly. Foundation's `UUID(uuidString:)` goes through `sscanf`; on the path of every
/// message (its id, the ids in its body, the ids read back from PostgreSQL) that showed as a
/// few percent of a consumer's processor time.
extension UUID {
    /// Parses the hyphenated form in either case, as `UUID(uuidString:)` does; nil for
    /// anything else.
    @inlinable
    public init?(hyphenatedText text: some Collection<UInt8>) {
        guard text.count == 36 else { return nil }
        var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let parsed = withUnsafeMutableBytes(of: &value) { output -> Bool in
            var index = text.startIndex
            var position = 0
            var byte = 0
            while byte < 16 {
                if position == 8 || position == 13 || position == 18 || position == 23 {
                    guard text[index] == UInt8(ascii: "-") else { return false }
                    text.formIndex(after: &index)
                    position += 1
                    continue
                }
                guard let high = text[index].hexDigitValue else { return false }
                text.formIndex(after: &index)
                guard let low = text[index].hexDigitValue else { return false }
                text.formIndex(after: &index)
                output[byte] = high << 4 | low
                byte += 1
                position += 2
            }
            return true
        }
        guard parsed else { return nil }
        self.init(uuid: value)
    }

    /// Parses the hyphenated form in either case; nil for anything else.
    @inlinable
    public init?(hyphenatedText text: String) {
        var text = text
        guard let parsed = text.withUTF8({ UUID(hyphenatedText: $0) }) else { return nil }
        self = parsed
    }

    /// The lower-case hyphenated form, as the wire contract and PostgreSQL write it.
    @inlinable
    public var lowercasedText: String {
        withUnsafeBytes(of: uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { output in
                var position = 0
                for (index, byte) in bytes.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        output[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    output[position] = UUID.lowercaseHexDigit(byte >> 4)
                    output[position + 1] = UUID.lowercaseHexDigit(byte & 0x0f)
                    position += 2
                }
                return position
            }
        }
    }

    /// A time-ordered (version 7, RFC 9562) UUID: the Unix time in milliseconds, then the
    /// fraction of that millisecond in 12 bits (RFC 9562's "increased clock precision"), then
    /// 62 random bits from the system's generator (`getrandom`).
    ///
    /// Ids made one after another sort in the order they were made, to about a quarter of a
    /// microsecond, so a B-tree index on them grows at its right edge, as one on a sequence
    /// does. Random (version 4) ids land on any leaf: each insertion reads and dirties another
    /// page, splits leave pages half full, and the first change to a page after a checkpoint
    /// writes the whole page to the WAL again. Every id the services make is one of these:
    /// message ids (each consumer's inbox key), community ids (each read model's key) and
    /// notification ids.
    public static func timeOrdered() -> UUID {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var generator = SystemRandomNumberGenerator()
        return timeOrdered(
            nanosecondsSince1970: UInt64(max(now.tv_sec, 0)) &* 1_000_000_000 &+ UInt64(max(now.tv_nsec, 0)), random: generator.next())
    }

    /// The version 7 UUID of the given instant, its 62 random bits taken from `random`.
    public static func timeOrdered(nanosecondsSince1970 nanoseconds: UInt64, random: UInt64) -> UUID {
        let milliseconds = nanoseconds / 1_000_000 & 0xffff_ffff_ffff  // 48 bits: until the year 10889
        let fraction = nanoseconds % 1_000_000 * 4096 / 1_000_000  // 12 bits
        let high = milliseconds << 16 | 0x7000 | fraction  // version 7
        let low = random & 0x3fff_ffff_ffff_ffff | 0x8000_0000_0000_0000  // the RFC 9562 variant
        var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &value) { bytes in
            bytes.storeBytes(of: high.bigEndian, toByteOffset: 0, as: UInt64.self)
            bytes.storeBytes(of: low.bigEndian, toByteOffset: 8, as: UInt64.self)
        }
        return UUID(uuid: value)
    }

    /// A random (version 4) UUID from the system's generator (`getrandom`). Foundation's
    /// `UUID()` opens `/dev/urandom` for every one. Kept for the foundation benchmark, which
    /// measures what random keys cost an index next to time-ordered ones.
    public static func random() -> UUID {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &value) { bytes in
            bytes.storeBytes(of: high, toByteOffset: 0, as: UInt64.self)
            bytes.storeBytes(of: low, toByteOffset: 8, as: UInt64.self)
            bytes[6] = bytes[6] & 0x0f | 0x40  // version 4
            bytes[8] = bytes[8] & 0x3f | 0x80  // the RFC 4122 variant
        }
        return UUID(uuid: value)
    }

    @inlinable
    static func lowercaseHexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") &+ value : UInt8(ascii: "a") &+ value &- 10
    }
}
