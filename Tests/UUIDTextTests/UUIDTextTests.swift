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
        #expect(
            UUID(hyphenatedText: "00000000-0000-0000-0000-000000000000") == UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
        #expect(UUID(hyphenatedText: "FFFFFFFF-ffff-FFFF-ffff-FFFFFFFFFFFF")?.lowercasedText == "ffffffff-ffff-ffff-ffff-ffffffffffff")
    }

    @Test(
        "refuses what Foundation refuses",
        arguments: [
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

    @Test("time-ordered UUIDs are RFC 9562's version 7: the example of its appendix, and the fraction of the millisecond")
    func timeOrderedLayout() {
        // RFC 9562, appendix A.6: 2022-02-22T19:22:22Z, rand_a 0xCC3, rand_b 0x18C4DC0C0C07398F.
        // Here rand_a is the fraction of the millisecond: 0xCC3 / 4096 of it is 797,608 ns.
        let example = UUID.timeOrdered(nanosecondsSince1970: 1_645_557_742_000_797_608, random: 0x18C4_DC0C_0C07_398F)
        #expect(example.lowercasedText == "017f22e2-79b0-7cc3-98c4-dc0c0c07398f")
        // Half a millisecond is 0x800; the random bits never touch the version or the variant.
        #expect(
            UUID.timeOrdered(nanosecondsSince1970: 1_716_458_400_000_500_000, random: .max).lowercasedText
                == "018fa4e4-a900-7800-bfff-ffffffffffff")
        #expect(
            UUID.timeOrdered(nanosecondsSince1970: 1_716_458_400_000_500_000, random: 0).lowercasedText
                == "018fa4e4-a900-7800-8000-000000000000")
    }

    @Test("time-ordered UUIDs carry the time they were made, sort in that order, and are distinct")
    func timeOrdered() {
        let before = UInt64(Date().timeIntervalSince1970 * 1000)
        let uuids = (0..<10_000).map { _ in UUID.timeOrdered() }
        let after = UInt64((Date().timeIntervalSince1970 * 1000).rounded(.up))
        var previousTime = ""
        for uuid in uuids {
            let text = uuid.lowercasedText
            let characters = Array(text)
            #expect(characters[14] == "7")
            #expect("89ab".contains(characters[19]))
            let milliseconds = UInt64(text.prefix(8) + text.dropFirst(9).prefix(4), radix: 16) ?? 0
            #expect(milliseconds >= before && milliseconds <= after)
            // The instant, to a quarter of a microsecond: never earlier than the one before.
            let time = String(text.prefix(18))
            #expect(time >= previousTime)
            previousTime = time
        }
        #expect(Set(uuids).count == uuids.count)
    }
}
