import Contracts
import Foundation

/// Reads a message's body as its contract type.
enum MessageBody {
    /// ``BodyDecoder`` reads the common case; whatever it declines, and every error, comes from
    /// the contract's own decoder (``ContractCoding/decode(_:from:)``).
    static func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8]) throws -> Value {
        if let value = try? BodyDecoder.decode(type, from: bytes) { return value }
        return try ContractCoding.decode(type, from: Data(bytes))
    }
}
