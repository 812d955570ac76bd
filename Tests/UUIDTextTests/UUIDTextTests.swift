import Foundation
import Testing
import UUIDText

@Suite("UUIDs as hyphenated text")
struct UUIDTextTests {
    @Test("reads what Foundation writes, in either case, and writes lower case")
    func roundTrip() {
        for _ in 0..<1000 {
            let uuid = UUID()
            #expect(uuid.lowercasedText == uuid.uuidString.lowercased())
            #expect(UUID(hyphenatedText: uuid.uuidString) == uuid)
            #expect(UUID(hyphenatedText: uuid.lowercasedText) == uuid)
            #expect(UUID(hyphenatedText: Array(uuid.lowercasedText.utf8)) == uuid)
        }
        #expect(UUID(hyphenatedText: "00000000-0000-0000-0000-000000000000") == UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
        #expect(UUID(hyphenatedText: "FFFFFFFF-ffff-FFFF-ffff-FFFFFFFFFFFF")?.lowercasedText == "ffffffff-ffff-ffff-ffff-ffffffffffff")
    }

    @Test("refuses what Foundation refuses", arguments: [
        "", "not a uuid", "3f2504e0-4f89-11d3-9a0c-0305e82c330", "3f2504e0-4f89-11d3-9a0c-0305e82c33011",
        "3f2504e0x4f89-11d3-9a0c-0305e82c3301", "3f2504e0-4f89-11d3-9a0c-0305e82c330g", "{3f2504e0-4f89-11d3-9a0c-0305e82c3301}",
        "3f2504e04f8911d39a0c0305e82c3301", "3f2504e0-4f89-11d3-9a0c-0305e82c33é",
    ])
    func refusals(text: String) {
        #expect(UUID(hyphenatedText: text) == nil)
        #expect(UUID(uuidString: text) == nil)
    }

    @Test("refuses white space that Foundation's scanner skips")
    func whiteSpace() {
        let text = " 3f2504e0-4f89-11d3-9a0c-0305e82c330"
        #expect(UUID(uuidString: text) != nil)
        #expect(UUID(hyphenatedText: text) == nil)
    }

    @Test("random UUIDs are version 4 of the RFC 4122 variant, and distinct")
    func random() {
        var seen = Set<UUID>()
        for _ in 0..<10_000 {
            let uuid = UUID.random()
            let text = Array(uuid.lowercasedText)
            #expect(text[14] == "4")
            #expect("89ab".contains(text[19]))
            seen.insert(uuid)
        }
        #expect(seen.count == 10_000)
    }
}
