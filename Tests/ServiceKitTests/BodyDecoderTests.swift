import Contracts
import Foundation
import Testing

@testable import ServiceKit

/// The fast body reader against Foundation's `JSONDecoder`: whatever it answers is what
/// Foundation answers, and what it declines goes to Foundation, whose value or error stands.
@Suite("Body decoder")
struct BodyDecoderTests {
    /// A type with every kind of value the reader handles.
    struct Sample: Codable, Equatable {
        enum Colour: String, Codable { case red, blue }
        struct Point: Codable, Equatable {
            var x: Double
            var y: Double
        }
        var text: String
        var flag: Bool
        var int: Int
        var int8: Int8
        var int16: Int16
        var int32: Int32
        var int64: Int64
        var uint: UInt
        var uint8: UInt8
        var uint16: UInt16
        var uint32: UInt32
        var uint64: UInt64
        var double: Double
        var optional: String?
        var missing: Int?
        var colour: Colour
        var points: [Point]
        var grid: [[Int]]
        var tags: [String]
        var tally: [String: Int]
        var when: Date
        var id: UUID
        @LowercasedUUID var lowercased: UUID
    }

    static let sampleBody = """
        {
          "text": "caf\\u00e9 \\"quoted\\" back\\\\slash \\/ tab\\t newline\\n \\ud83d\\ude00 שלום",
          "flag": true, "int": -9223372036854775808, "int8": -128, "int16": 32767, "int32": -5, "int64": 9223372036854775807,
          "uint": 18446744073709551615, "uint8": 255, "uint16": 0, "uint32": 7, "uint64": 42,
          "double": -1.5e-3, "optional": null, "colour": "blue",
          "points": [{"x": 0, "y": 31.525}, {"y": -0.0, "x": 1E+2, "z": [1, {"deep": [null, true, false]}]}],
          "grid": [[], [1, 2], [3]], "tags": ["he", "", "en-US"], "tally": {"he": 2, "en": 1},
          "when": "2024-05-23T10:00:00.123Z", "id": "5C1F2A9E-7B3D-4E8A-9F10-2B6C4D8E0A11",
          "lowercased": "5c1f2a9e-7b3d-4e8a-9f10-2b6c4d8e0a11", "ignored": {"a": [1.0, "b", {}]}
        }
        """

    @Test("a body with every kind of value reads as Foundation reads it, without asking Foundation")
    func everyKindOfValue() throws {
        let body = Array(Self.sampleBody.utf8)
        let fast = try BodyDecoder.decode(Sample.self, from: body)
        let foundation = try ContractCoding.decode(Sample.self, from: Data(body))
        #expect(fast == foundation)
        #expect(fast.text == "café \"quoted\" back\\slash / tab\t newline\n 😀 שלום")
        #expect(fast.optional == nil && fast.missing == nil)
        #expect(fast.points[1].x == 100 && fast.points[1].y.sign == .minus)
        #expect(fast.tally == ["he": 2, "en": 1])
    }

    @Test("the golden fixture reads without asking Foundation")
    func fixture() throws {
        let body = try Self.fixture()
        #expect(
            try BodyDecoder.decode(CommunityRegistered.self, from: body)
                == ContractCoding.decode(CommunityRegistered.self, from: Data(body)))
    }

    @Test("5,000 random events read exactly as Foundation reads them")
    func randomEvents() throws {
        var random = SystemRandomNumberGenerator()
        let alphabet: [Unicode.Scalar] = [
            "a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "é", "ש", "€", "😀", "\u{10FFFF}", "\u{FEFF}",
        ]
        func text() -> String {
            var text = ""
            for _ in 0..<Int.random(in: 0...24, using: &random) {
                text.unicodeScalars.append(alphabet.randomElement(using: &random) ?? "a")
            }
            return text
        }
        // Any bit pattern: every exponent, subnormals, negative zero.
        func anyFiniteDouble() -> Double {
            let value = Double(bitPattern: random.next())
            return value.isFinite ? value : 0
        }
        for _ in 0..<5_000 {
            let event = CommunityRegistered(
                communityId: UUID(), name: text(), kind: Bool.random(using: &random) ? .israeliLocality : .globalCommunity,
                country: text(), region: text(), timeZone: text(),
                coordinates: Coordinates(latitude: Double.random(in: -90...90, using: &random), longitude: anyFiniteDouble()),
                languages: (0..<Int.random(in: 0...3, using: &random)).map { _ in text() }, contactEmail: text(),
                registeredAt: Date(timeIntervalSince1970: Double(Int.random(in: 0...4_000_000_000_000, using: &random)) / 1000))
            let body = try ContractCoding.encode(event)
            let fast = try BodyDecoder.decode(CommunityRegistered.self, from: [UInt8](body))
            let foundation = try ContractCoding.decode(CommunityRegistered.self, from: body)
            #expect(fast == foundation)
            #expect(fast.name == event.name && fast.languages == event.languages && fast.coordinates == event.coordinates)
        }
    }

    /// The golden fixture of `registry.community-registered.v1`.
    static func fixture() throws -> [UInt8] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Shared/Contracts/Fixtures/\(CommunityRegistered.eventType).json")
        return try [UInt8](Data(contentsOf: file))
    }

    /// A value, or an error in words.
    enum Outcome<Value: Equatable>: Equatable {
        case value(Value)
        case error(String)

        init(_ decode: () throws -> Value) {
            do {
                self = .value(try decode())
            } catch {
                self = .error("\(error)")
            }
        }
    }

    /// What Foundation makes of a body.
    static func foundationOutcome<Value: Decodable & Equatable>(_ type: Value.Type, _ body: [UInt8]) -> Outcome<Value> {
        Outcome { try ContractCoding.decode(type, from: Data(body)) }
    }

    /// What a consumer makes of it.
    static func outcome<Value: Decodable & Equatable>(_ type: Value.Type, _ body: [UInt8]) -> Outcome<Value> {
        Outcome { try MessageBody.decode(type, from: body) }
    }

    struct Point: Codable, Equatable {
        var x: Double
        var y: Int
    }

    @Test(
        "what the reader declines, Foundation answers, value or error",
        arguments: [
            #"{"x": 1, "y": 2,}"#,  // trailing comma
            #"{"x": 01, "y": 2}"#,  // leading zero
            #"{"x": 1, "y": 2} x"#,  // trailing text
            #"{"x": 1, "y": 2.0}"#,  // an integer written with a fraction
            #"{"x": 1, "y": 2e0}"#,
            #"{"x": 1, "y": 99999999999999999999}"#,  // too large for Int
            #"{"x": 1e999, "y": 2}"#,  // too large for Double
            #"{"x": 1, "y": 2, "y": 3}"#,  // a repeated key
            #"{"x": "1", "y": 2}"#,  // a string where a number belongs
            #"{"x": 1}"#,  // a missing key
            #"{"x": null, "y": 2}"#,
            #"[1, 2]"#,
            #"{"x": 1, "y": 2, "note": "\ud800"}"#,  // a lone surrogate
            #"{"x": 1, "y": 2, "note": "\x"}"#,  // an unknown escape
            "{\"x\": 1, \"y\": 2, \"note\": \"\u{1}\"}",  // a raw control character
            "\u{FEFF}{\"x\": 1, \"y\": 2}",  // a byte order mark
            "",
        ])
    func declined(body: String) {
        let bytes = Array(body.utf8)
        #expect(throws: BodyDecoder.Declined.self) { try BodyDecoder.decode(Point.self, from: bytes) }
        #expect(Self.outcome(Point.self, bytes) == Self.foundationOutcome(Point.self, bytes))
    }

    struct Tagged: Codable, Equatable {
        var tags: [String]
        @LowercasedUUID var id: UUID
    }

    @Test(
        "a list of strings or a lower-case UUID that is not one is declined, and Foundation answers",
        arguments: [
            #"{"tags": ["he", 5], "id": "5c1f2a9e-7b3d-4e8a-9f10-2b6c4d8e0a11"}"#,
            #"{"tags": ["he", null], "id": "5c1f2a9e-7b3d-4e8a-9f10-2b6c4d8e0a11"}"#,
            #"{"tags": "he", "id": "5c1f2a9e-7b3d-4e8a-9f10-2b6c4d8e0a11"}"#,
            #"{"tags": [["he"]], "id": "5c1f2a9e-7b3d-4e8a-9f10-2b6c4d8e0a11"}"#,
            #"{"tags": [], "id": "5c1f2a9e7b3d4e8a9f102b6c4d8e0a11"}"#,
            #"{"tags": [], "id": 5}"#,
        ])
    func declinedListsAndIDs(body: String) {
        let bytes = Array(body.utf8)
        #expect(throws: BodyDecoder.Declined.self) { try BodyDecoder.decode(Tagged.self, from: bytes) }
        #expect(Self.outcome(Tagged.self, bytes) == Self.foundationOutcome(Tagged.self, bytes))
    }

    @Test("bytes that are not UTF-8 are declined, and Foundation answers")
    func invalidUTF8() {
        for bad: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xFF]] {
            let body = Array(#"{"x": 1, "y": 2, "note": ""#.utf8) + bad + Array(#""}"#.utf8)
            #expect(throws: BodyDecoder.Declined.self) { try BodyDecoder.decode(Point.self, from: body) }
            #expect(Self.outcome(Point.self, body) == Self.foundationOutcome(Point.self, body))
        }
    }

    /// A type that tries one reading and falls back to another when it fails.
    struct Lenient: Decodable, Equatable {
        var value: String
        enum CodingKeys: String, CodingKey { case value }
        init(value: String) { self.value = value }
        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let number = try? container.decode(Float.self, forKey: .value) {
                value = "float \(number)"
            } else {
                value = "other"
            }
        }
    }

    @Test("a type that catches a refusal and goes on gets Foundation's reading")
    func caughtRefusal() throws {
        let body = Array(#"{"value": 2.5}"#.utf8)
        #expect(throws: BodyDecoder.Declined.self) { try BodyDecoder.decode(Lenient.self, from: body) }
        #expect(try MessageBody.decode(Lenient.self, from: body) == Lenient(value: "float 2.5"))
    }

    struct Kelvin: Codable, Equatable {
        // swift-format-ignore: AlwaysUseLowerCamelCase
        // The key's case is what the test is about.
        var K: Int
    }

    @Test("keys compare as Swift compares strings, as in Foundation's reading")
    func canonicallyEqualKeys() throws {
        // U+212A KELVIN SIGN is canonically equivalent to the letter K.
        let body = Array("{\"\u{212A}\": 1}".utf8)
        #expect(Self.outcome(Kelvin.self, body) == Self.foundationOutcome(Kelvin.self, body))
    }

    @Test("a message body that is not valid keeps Foundation's reason")
    func parkingReasonsAreFoundations() throws {
        let wrongID = Array(#"{"communityId": "not-a-uuid"}"#.utf8)
        #expect(Self.outcome(CommunityRegistered.self, wrongID) == Self.foundationOutcome(CommunityRegistered.self, wrongID))
        let truncated = try Self.fixture().dropLast(3)
        let outcome = Self.outcome(CommunityRegistered.self, Array(truncated))
        #expect(outcome == Self.foundationOutcome(CommunityRegistered.self, Array(truncated)))
        if case .value = outcome { Issue.record("a truncated body decoded") }
    }
}
