/// A score in integer micro-points (millionths of a point).
///
/// Scores are added and compared exactly, like money in minor units, so that the optimum and
/// its tie-breaks do not depend on floating-point rounding.
public struct ScorePoints: Hashable, Comparable, Sendable, AdditiveArithmetic,
    CustomStringConvertible
{
    public var micropoints: Int64

    public init(micropoints: Int64) {
        self.micropoints = micropoints
    }

    /// `points` rounded to the nearest micro-point.
    public init(points: Double) {
        self.micropoints = Int64((points * 1_000_000).rounded())
    }

    public static let zero = ScorePoints(micropoints: 0)

    /// The score in points.
    public var points: Double { Double(micropoints) / 1_000_000 }

    public static func + (lhs: ScorePoints, rhs: ScorePoints) -> ScorePoints {
        ScorePoints(micropoints: lhs.micropoints + rhs.micropoints)
    }

    public static func - (lhs: ScorePoints, rhs: ScorePoints) -> ScorePoints {
        ScorePoints(micropoints: lhs.micropoints - rhs.micropoints)
    }

    public static func < (lhs: ScorePoints, rhs: ScorePoints) -> Bool {
        lhs.micropoints < rhs.micropoints
    }

    public var description: String {
        let sign = micropoints < 0 ? "-" : ""
        let magnitude = micropoints.magnitude
        let fraction = String(magnitude % 1_000_000)
        let padded = String(repeating: "0", count: 6 - fraction.count) + fraction
        return "\(sign)\(magnitude / 1_000_000).\(padded)"
    }
}
