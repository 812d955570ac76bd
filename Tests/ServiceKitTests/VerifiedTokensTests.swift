import Foundation
import Testing

@testable import ServiceKit

@Suite("Verified tokens are remembered until they expire")
struct VerifiedTokensTests {
    static func claims(expiring expires: Date) -> AccessToken {
        AccessToken(subject: "someone", issuer: "p2g", audience: ["registry"], expires: expires, role: .operator)
    }

    @Test("a remembered token is given back until its expiry, not after; a full store starts over")
    func remembersUntilExpiry() {
        let store = VerifiedTokens(capacity: 2)
        let now = Date()
        store.remember("a", Self.claims(expiring: now.addingTimeInterval(60)))
        #expect(store.claims(of: "a", now: now)?.sub.value == "someone")
        #expect(store.claims(of: "a", now: now.addingTimeInterval(61)) == nil)
        #expect(store.claims(of: "a", now: now) == nil, "an expired token is forgotten")
        #expect(store.claims(of: "unknown", now: now) == nil)

        store.remember("b", Self.claims(expiring: now.addingTimeInterval(60)))
        store.remember("c", Self.claims(expiring: now.addingTimeInterval(60)))
        store.remember("d", Self.claims(expiring: now.addingTimeInterval(60)))
        #expect(store.claims(of: "d", now: now) != nil)
        #expect(store.claims(of: "b", now: now) == nil, "the full store started over")
    }
}
