/// When Shabbat and festivals begin and end at a place: candle lighting a number of minutes
/// before sunset, havdalah when the sun is a number of degrees below the horizon or a fixed
/// number of minutes after sunset.
///
/// Communities differ: most light 18 minutes before sunset, Jerusalem 40 and Haifa 30; most
/// end Shabbat when the sun is 8.5 degrees below the horizon, others 42, 50 or 72 minutes
/// after sunset.
public struct CandleLightingPolicy: Sendable, Hashable {
    /// How the end of Shabbat or a festival is reckoned.
    public enum Havdalah: Sendable, Hashable {
        /// When the sun's centre is this many degrees below the geometric horizon.
        case sunBelowHorizon(degrees: Double)
        /// This many minutes after sea-level sunset.
        case minutesAfterSunset(Int)
    }

    /// Minutes before sea-level sunset at which candles are lit.
    public let minutesBeforeSunset: Int
    /// When havdalah is.
    public let havdalah: Havdalah

    /// Accepted minutes before sunset for candle lighting.
    public static let supportedCandleLightingMinutes = 0...120
    /// Accepted minutes after sunset for havdalah.
    public static let supportedHavdalahMinutes = 1...180
    /// Accepted sun depressions for havdalah, in degrees.
    public static let supportedHavdalahDegrees: ClosedRange<Double> = 1...20

    /// Creates a policy, checking that it is within the customs the library accepts.
    /// - Throws: `CalendarError` with code `invalidPolicy` naming the value out of range.
    public init(minutesBeforeSunset: Int = 18, havdalah: Havdalah = .sunBelowHorizon(degrees: 8.5)) throws {
        guard Self.supportedCandleLightingMinutes.contains(minutesBeforeSunset) else {
            throw CalendarError(
                .invalidPolicy,
                "candle lighting \(minutesBeforeSunset) minutes before sunset is outside \(Self.supportedCandleLightingMinutes)"
            )
        }
        switch havdalah {
        case .sunBelowHorizon(let degrees):
            guard degrees.isFinite, Self.supportedHavdalahDegrees.contains(degrees) else {
                throw CalendarError(
                    .invalidPolicy,
                    "havdalah at \(degrees) degrees below the horizon is outside \(Self.supportedHavdalahDegrees)")
            }
        case .minutesAfterSunset(let minutes):
            guard Self.supportedHavdalahMinutes.contains(minutes) else {
                throw CalendarError(
                    .invalidPolicy,
                    "havdalah \(minutes) minutes after sunset is outside \(Self.supportedHavdalahMinutes)")
            }
        }
        self.init(unchecked: minutesBeforeSunset, havdalah)
    }

    private init(unchecked minutesBeforeSunset: Int, _ havdalah: Havdalah) {
        self.minutesBeforeSunset = minutesBeforeSunset
        self.havdalah = havdalah
    }

    /// Candle lighting 18 minutes before sunset, havdalah at 8.5 degrees: the common custom.
    public static let standard = CandleLightingPolicy(unchecked: 18, .sunBelowHorizon(degrees: 8.5))
    /// Jerusalem's custom: candle lighting 40 minutes before sunset, havdalah at 8.5 degrees.
    public static let jerusalem = CandleLightingPolicy(unchecked: 40, .sunBelowHorizon(degrees: 8.5))
    /// Haifa's custom: candle lighting 30 minutes before sunset, havdalah at 8.5 degrees.
    public static let haifa = CandleLightingPolicy(unchecked: 30, .sunBelowHorizon(degrees: 8.5))
}
