/// A Jewish community in Israel or abroad, such as Sderot or Des Moines; its members are the
/// participants whose `community` names it.
public struct Community: Sendable, Hashable, Identifiable {
    /// Identifies a community.
    public typealias ID = Identifier<Community>

    /// Identifies the community.
    public var id: ID
    /// The community's name, e.g. "Des Moines".
    public var name: String
    /// Where the community is; its calendar is written in this place's time zone.
    public var place: Place

    /// Creates a community.
    public init(id: ID, name: String, place: Place) {
        self.id = id
        self.name = name
        self.place = place
    }
}
