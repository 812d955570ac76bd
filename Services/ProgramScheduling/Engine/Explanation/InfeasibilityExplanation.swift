/// Why a session cannot be placed: the smallest set of hard rules found that together leave
/// no slot, and a sentence that says so in the program's own words.
public struct InfeasibilityExplanation: Sendable, Hashable, CustomStringConvertible {
    /// The rules, in the order the sentence names them. Leaving out any one of them leaves a slot.
    public let rules: [HardRule]
    /// E.g. "no 60-minute slot in which Sderot, Des Moines and Melbourne are all within
    /// working hours outside Shabbat before the deadline (2025-12-21 18:00 UTC)".
    public let sentence: String
    /// Whether no smaller set of rules rules the session out either (checked exhaustively);
    /// when false the set is irreducible, but the search for a smaller one was cut short.
    public let isMinimum: Bool

    public var description: String {
        sentence
    }
}
