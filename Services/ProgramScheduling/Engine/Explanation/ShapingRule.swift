import Foundation

/// A hard rule that shaped a placement: without it the session would have gone to a better
/// slot (a lower soft cost, or as good and earlier).
public struct ShapingRule: Sendable, Hashable, CustomStringConvertible {
    /// The rule.
    public let rule: HardRule
    /// Where the session would start without the rule.
    public let alternative: Date
    /// E.g. "Shabbat in Des Moines ruled out 2026-04-04 15:00 UTC, which is earlier".
    public let sentence: String

    public var description: String {
        sentence
    }
}
