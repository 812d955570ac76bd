/// Identifies a community (an impacted Israeli community or a supporting global one).
///
/// The engine orders communities by this id wherever order matters, so that the same input
/// always gives the same output. A lowercase UUID string, as on the wire, is a good id.
public struct CommunityID: StringBacked {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }
}
