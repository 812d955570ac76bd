import Foundation
import HummingbirdTesting
import Testing

/// A community as a coordinator registers it through `POST /communities`.
struct SampleCommunity: Encodable {
    struct Point: Encodable {
        var latitude: Double
        var longitude: Double
    }

    var name: String
    var names: [String: String]
    var kind: String
    var country: String
    var region: String
    var timeZone: String
    var coordinates: Point
    var languages: [String]
    var contactEmail: String

    /// A US community of the Central Area Consortium.
    static func american(_ name: String, hebrew: String, state: String, _ latitude: Double, _ longitude: Double) -> SampleCommunity {
        let slug = name.lowercased().replacingOccurrences(of: " ", with: "-")
        return SampleCommunity(
            name: name, names: ["en": name, "he": hebrew], kind: "globalCommunity", country: "US", region: state,
            timeZone: "America/Chicago", coordinates: Point(latitude: latitude, longitude: longitude), languages: ["en"],
            contactEmail: "partnership@\(slug).example")
    }

    /// An Israeli locality or region.
    static func israeli(_ name: String, hebrew: String, region: String, _ latitude: Double, _ longitude: Double) -> SampleCommunity {
        let slug = name.lowercased().replacingOccurrences(of: " ", with: "-")
        return SampleCommunity(
            name: name, names: ["en": name, "he": hebrew], kind: "israeliLocality", country: "IL", region: region,
            timeZone: "Asia/Jerusalem", coordinates: Point(latitude: latitude, longitude: longitude), languages: ["he", "en"],
            contactEmail: "p2g@\(slug).example")
    }

    /// The Western Galilee, the Israeli side of the Central Area Consortium's partnership.
    static let westernGalilee = israeli("Western Galilee", hebrew: "מערב הגליל", region: "Western Galilee", 33.0, 35.15)

    /// The 14 US communities of the Central Area Consortium (the seeds name Des Moines "and 13
    /// other Jewish American communities"), partners of the Western Galilee.
    static let centralAreaConsortium: [SampleCommunity] = [
        american("Des Moines", hebrew: "דה מוין", state: "Iowa", 41.5868, -93.625),
        american("Omaha", hebrew: "אומהה", state: "Nebraska", 41.2565, -95.9345),
        american("Austin", hebrew: "אוסטין", state: "Texas", 30.2672, -97.7431),
        american("Cedar Rapids", hebrew: "סידר רפידס", state: "Iowa", 41.9779, -91.6656),
        american("Fort Worth", hebrew: "פורט וורת'", state: "Texas", 32.7555, -97.3308),
        american("Kansas City", hebrew: "קנזס סיטי", state: "Missouri", 39.0997, -94.5786),
        american("Lincoln", hebrew: "לינקולן", state: "Nebraska", 40.8136, -96.7026),
        american("Little Rock", hebrew: "ליטל רוק", state: "Arkansas", 34.7465, -92.2896),
        american("Memphis", hebrew: "ממפיס", state: "Tennessee", 35.1495, -90.049),
        american("Oklahoma City", hebrew: "אוקלהומה סיטי", state: "Oklahoma", 35.4676, -97.5164),
        american("San Antonio", hebrew: "סן אנטוניו", state: "Texas", 29.4241, -98.4936),
        american("Tulsa", hebrew: "טולסה", state: "Oklahoma", 36.154, -95.9928),
        american("Wichita", hebrew: "ויצ'יטה", state: "Kansas", 37.6872, -97.3301),
        american("Waco", hebrew: "וייקו", state: "Texas", 31.5493, -97.1467),
    ]

    /// A Gaza-border kibbutz of Communities2Gether.
    static let kfarAza = israeli("Kfar Aza", hebrew: "כפר עזה", region: "Western Negev", 31.4836, 34.5336)
}

extension TestClientProtocol {
    /// Registers `community` and returns its id.
    func register(_ community: SampleCommunity, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let answer = try await send(.post, "/communities", body: community)
        #expect(answer.status == .created, "\(answer.body)", sourceLocation: sourceLocation)
        return try #require(try answer.object()["id"] as? String, sourceLocation: sourceLocation)
    }
}
