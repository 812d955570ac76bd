import Contracts
import Foundation

/// Communities as the registry announces them, for the services that consume its events.
public enum SampleCommunities {
    /// An Israeli locality of the Western Negev.
    public static func sderot(id: UUID = UUID()) -> CommunityRegistered {
        CommunityRegistered(
            communityId: id, name: "Sderot", kind: .israeliLocality, country: "IL", region: "Western Negev", timeZone: "Asia/Jerusalem",
            coordinates: Coordinates(latitude: 31.525, longitude: 34.5969), languages: ["he", "en"],
            contactEmail: "partnership@sderot.example", registeredAt: Date(timeIntervalSince1970: 1_716_458_400))
    }

    /// A global community whose coordinators read Russian first.
    public static func desMoines(id: UUID = UUID()) -> CommunityRegistered {
        CommunityRegistered(
            communityId: id, name: "Des Moines", kind: .globalCommunity, country: "US", region: "Iowa", timeZone: "America/Chicago",
            coordinates: Coordinates(latitude: 41.5868, longitude: -93.625), languages: ["ru", "en"],
            contactEmail: "partnership@desmoines.example", registeredAt: Date(timeIntervalSince1970: 1_716_458_460))
    }
}
