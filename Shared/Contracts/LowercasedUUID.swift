import Foundation
import UUIDText

/// A UUID that travels as a lower-case string, as the wire contract requires (Foundation's
/// JSON coder writes upper case). Decoding accepts either case.
@propertyWrapper
public struct LowercasedUUID: Codable, Sendable, Hashable {
    public var wrappedValue: UUID

    public init(wrappedValue: UUID) { self.wrappedValue = wrappedValue }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let uuid = UUID(hyphenatedText: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a UUID")
        }
        wrappedValue = uuid
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue.lowercasedText)
    }
}
