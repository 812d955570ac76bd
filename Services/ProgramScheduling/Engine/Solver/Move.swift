/// An existing session moved to make room for another.
public struct Move: Sendable, Hashable {
    /// Which session.
    public let key: SessionKey
    /// Where it was.
    public let from: Placement
    /// Where it is now.
    public let to: Placement
}
