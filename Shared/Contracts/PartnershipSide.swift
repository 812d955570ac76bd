/// The side of a partnership a community, or a volunteer through their community, is on.
public enum PartnershipSide: String, Codable, Sendable, CaseIterable {
    /// Israeli localities and regions.
    case israeli
    /// Jewish communities abroad.
    case global

    /// The side a community of this kind is on.
    public init(_ kind: CommunityKind) {
        self = kind == .israeliLocality ? .israeli : .global
    }
}
