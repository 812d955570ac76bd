import Contracts
import Foundation

/// Communities to register or announce in bulk: alternately an Israeli locality of the
/// Western Galilee and a community of the Des Moines consortium, each with its own name and
/// contact address.
enum SampleCommunities {
    /// The JSON of `POST /communities` for community number `index`.
    static func registration(_ index: Int, prefix: String = "Community") -> Data {
        let israeli = index % 2 == 0
        let object: [String: Any] = [
            "name": "\(prefix) \(index)",
            "kind": israeli ? "israeliLocality" : "globalCommunity",
            "country": israeli ? "IL" : "US",
            "region": israeli ? "Western Galilee" : "Iowa",
            "timeZone": israeli ? "Asia/Jerusalem" : "America/Chicago",
            "coordinates": israeli ? ["latitude": 32.93, "longitude": 35.08] : ["latitude": 41.59, "longitude": -93.62],
            "languages": israeli ? ["he", "en"] : ["en"],
            "contactEmail": "coordinator+\(index)@example.org",
        ]
        // Only constant, valid JSON values above: serialization cannot fail.
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }

    /// `count` events as the registry would announce them.
    static func events(_ count: Int, prefix: String = "Community") -> [CommunityRegistered] {
        let registeredAt = Date(timeIntervalSince1970: (Date().timeIntervalSince1970).rounded())
        return (0..<count).map { index in
            let israeli = index % 2 == 0
            return CommunityRegistered(
                communityId: UUID(), name: "\(prefix) \(index)", kind: israeli ? .israeliLocality : .globalCommunity,
                country: israeli ? "IL" : "US", region: israeli ? "Western Galilee" : "Iowa",
                timeZone: israeli ? "Asia/Jerusalem" : "America/Chicago",
                coordinates: israeli ? Coordinates(latitude: 32.93, longitude: 35.08) : Coordinates(latitude: 41.59, longitude: -93.62),
                languages: israeli ? ["he", "en"] : ["en"], contactEmail: "coordinator+\(index)@example.org", registeredAt: registeredAt)
        }
    }
}
