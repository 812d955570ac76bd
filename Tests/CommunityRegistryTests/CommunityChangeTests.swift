import Contracts
import Foundation
import Testing

@testable import CommunityRegistry

@Suite("Applying a change to a community")
struct CommunityChangeTests {
    static let sderot = Community(
        id: UUID(), name: "Sderot", names: ["en": "Sderot", "he": "שדרות"], kind: .israeliLocality, country: "IL",
        region: "Western Negev", timeZone: "Asia/Jerusalem", coordinates: Coordinates(latitude: 31.525, longitude: 34.5969),
        languages: ["he", "en"], contactEmail: "partnership@sderot.example", registeredAt: Date(timeIntervalSince1970: 0), version: 4)

    static func change(_ json: String) throws -> CommunityChange {
        try JSONDecoder().decode(CommunityChange.self, from: Data(json.utf8))
    }

    @Test("only the fields given change, and they are the ones named as changed")
    func partial() throws {
        let (changed, fields) = try Self.change(#"{"timeZone": "Asia/Jerusalem", "languages": ["HE", "en", "ru"]}"#)
            .applied(to: Self.sderot).get()
        #expect(fields == ["languages"])
        #expect(changed.languages == ["he", "en", "ru"])
        #expect(changed.names == Self.sderot.names && changed.region == Self.sderot.region)
    }

    @Test("names merge language by language, and null removes one")
    func namesMerge() throws {
        let (changed, fields) = try Self.change(#"{"names": {"EN": null, "ar": "سديروت"}}"#).applied(to: Self.sderot).get()
        #expect(changed.names == ["he": "שדרות", "ar": "سديروت"])
        #expect(fields == ["names"])
    }

    @Test("every invalid field is named at once")
    func everyProblem() throws {
        guard
            case .failure(let invalid) = try Self.change(
                #"{"country": "US", "timeZone": "Mars/Olympus", "names": {"english": "x"}, "languages": [], "name": " "}"#
            ).applied(to: Self.sderot)
        else {
            Issue.record("an invalid change passed")
            return
        }
        #expect(Set(invalid.invalidFields.map(\.name)) == ["country", "timeZone", "names.english", "languages", "name"])
    }

    @Test("a duplicate language in the list of preference is refused")
    func duplicateLanguage() throws {
        guard case .failure(let invalid) = try Self.change(#"{"languages": ["he", "HE"]}"#).applied(to: Self.sderot) else {
            Issue.record("a duplicate language passed")
            return
        }
        #expect(invalid.invalidFields.map(\.name) == ["languages[1]"])
    }
}
