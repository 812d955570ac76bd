/// Why a session is where it is: the hard rules that ruled out better slots, and how the slot
/// meets the soft preferences.
public struct PlacementExplanation: Sendable, Hashable, CustomStringConvertible {
    /// The placement explained.
    public let placement: Placement
    /// Whether it is fixed or already begun, and so was not placed by the engine.
    public let isFixed: Bool
    /// The rules that ruled out a better slot, in the order of the session's rules.
    public let shapedBy: [ShapingRule]
    /// The soft preferences the slot misses, e.g. "outside the comfortable hours of the
    /// Melbourne coordinator"; empty when it meets them all.
    public let preferences: [String]

    /// One paragraph: the session, its time, the rules and the preferences.
    public var description: String {
        var text = "\(placement.key) at \(InstantText.utc(placement.start))"
        if isFixed { return text + " is fixed." }
        text +=
            shapedBy.isEmpty
            ? ": the best slot in its window." : ": " + shapedBy.map(\.sentence).joined(separator: "; ") + "."
        if !preferences.isEmpty { text += " Preferences missed: " + preferences.joined(separator: "; ") + "." }
        return text
    }
}
