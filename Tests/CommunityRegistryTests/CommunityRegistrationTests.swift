import Contracts
import Foundation
import Testing

@testable import CommunityRegistry

@Suite("Checking a community registration")
struct CommunityRegistrationTests {
    static func registration(_ json: String) throws -> CommunityRegistration {
        try JSONDecoder().decode(CommunityRegistration.self, from: Data(json.utf8))
    }

    static let desMoines = """
        {"name": "Des Moines", "kind": "globalCommunity", "country": "US", "region": "Iowa", "timeZone": "America/Chicago",
         "coordinates": {"latitude": 41.5868, "longitude": -93.625}, "languages": ["EN", "he"],
         "contactEmail": "partnership@desmoines.example"}
        """

    @Test("a complete registration passes, with language tags in canonical case")
    func valid() throws {
        let result = try Self.registration(Self.desMoines).validated()
        let valid = try result.get()
        #expect(valid.name == "Des Moines")
        #expect(valid.kind == .globalCommunity)
        #expect(valid.languages == ["en", "he"])
    }

    @Test("an empty body lists every required field")
    func everythingMissing() throws {
        guard case .failure(let problem) = try Self.registration("{}").validated() else {
            Issue.record("an empty registration passed")
            return
        }
        #expect(
            Set(problem.invalidFields.map(\.name)) == [
                "name", "kind", "country", "region", "timeZone", "coordinates", "languages", "contactEmail",
            ])
    }

    @Test(
        "each wrong field is named with its reason",
        arguments: [
            (#""kind": "globalCommunity""#, #""kind": "city""#, "kind"),
            (#""country": "US""#, #""country": "USA""#, "country"),
            (#""timeZone": "America/Chicago""#, #""timeZone": "Central""#, "timeZone"),
            (#""latitude": 41.5868"#, #""latitude": -91"#, "coordinates.latitude"),
            (#""longitude": -93.625"#, #""longitude": 181"#, "coordinates.longitude"),
            (#"["EN", "he"]"#, #"[]"#, "languages"),
            (#"["EN", "he"]"#, #"["english"]"#, "languages[0]"),
            (#""partnership@desmoines.example""#, #""partnership at desmoines""#, "contactEmail"),
            (#""name": "Des Moines""#, #""name": "   ""#, "name"),
        ])
    func namesTheField(original: String, replacement: String, field: String) throws {
        let json = Self.desMoines.replacingOccurrences(of: original, with: replacement)
        guard case .failure(let problem) = try Self.registration(json).validated() else {
            Issue.record("\(field) was accepted: \(replacement)")
            return
        }
        #expect(problem.invalidFields.map(\.name) == [field])
    }

    @Test("an Israeli locality must be in Israel")
    func israeliLocalityInIsrael() throws {
        let json = Self.desMoines.replacingOccurrences(of: "globalCommunity", with: "israeliLocality")
        guard case .failure(let problem) = try Self.registration(json).validated() else {
            Issue.record("an Israeli locality in the US was accepted")
            return
        }
        #expect(problem.invalidFields == [.init(name: "country", reason: "an Israeli locality is in IL, got 'US'")])
    }
}
