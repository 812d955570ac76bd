/// A session the engine could not place, with the smallest set of rules that rules it out.
public struct UnplacedSession: Sendable, Hashable {
    /// Which session of which occurrence.
    public let key: SessionKey
    /// Why no time works.
    public let explanation: InfeasibilityExplanation
}
