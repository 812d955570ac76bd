import Foundation

/// Sunrise, sunset, solar noon and the times the sun is a given angle below the horizon, by
/// the US National Oceanic and Atmospheric Administration's solar calculator algorithm.
///
/// The computation follows the NOAA calculator as implemented in KosherJava (and its Python port
/// `zmanim`): the sun's position at solar noon gives a first estimate, which is refined once with
/// the sun's position at that estimate. The tests hold it to `zmanim` within one minute.
///
/// A day means a local civil date: its sunrise is the one before, and its sunset the one after,
/// the solar noon that falls on that date in the location's time zone. Where the sun does not
/// cross the altitude that day the answer is `.sunStaysAbove` or `.sunStaysBelow`.
public enum SolarCalculator {
    /// Depression angles accepted by `dawn` and `dusk`: from the geometric horizon down to
    /// beyond the end of astronomical twilight (18 degrees), which covers every custom in use.
    public static let supportedDepressions: ClosedRange<Double> = 0...30

    /// Sunrise: the upper limb of the sun at the horizon, with standard refraction.
    /// - Parameter accountingForElevation: When `true`, the horizon is lowered by the dip seen
    ///   from the location's elevation, so the sun rises earlier; when `false` (the default)
    ///   the horizon is at sea level.
    public static func sunrise(
        on date: GregorianDate, at location: GeoLocation, accountingForElevation: Bool = false
    ) -> SolarEvent {
        event(on: date, at: location, zenith: horizonZenith(location, accountingForElevation), crossing: .rising)
    }

    /// Sunset: the upper limb of the sun at the horizon, with standard refraction.
    /// - Parameter accountingForElevation: When `true`, the horizon is lowered by the dip seen
    ///   from the location's elevation, so the sun sets later; when `false` (the default) the
    ///   horizon is at sea level, as candle lighting uses.
    public static func sunset(
        on date: GregorianDate, at location: GeoLocation, accountingForElevation: Bool = false
    ) -> SolarEvent {
        event(on: date, at: location, zenith: horizonZenith(location, accountingForElevation), crossing: .setting)
    }

    /// The morning time at which the sun's centre is `degrees` below the geometric horizon.
    /// - Throws: `CalendarError` with code `invalidSunDepression` outside `supportedDepressions`.
    public static func dawn(on date: GregorianDate, at location: GeoLocation, sunBelowHorizon degrees: Double) throws
        -> SolarEvent
    {
        try checkDepression(degrees)
        return event(on: date, at: location, zenith: 90 + degrees, crossing: .rising)
    }

    /// The evening time at which the sun's centre is `degrees` below the geometric horizon,
    /// e.g. 8.5 for the usual havdalah time.
    /// - Throws: `CalendarError` with code `invalidSunDepression` outside `supportedDepressions`.
    public static func dusk(on date: GregorianDate, at location: GeoLocation, sunBelowHorizon degrees: Double) throws
        -> SolarEvent
    {
        try checkDepression(degrees)
        return event(on: date, at: location, zenith: 90 + degrees, crossing: .setting)
    }

    /// The instant the sun is highest on a day (it exists every day, even in polar night).
    public static func solarNoon(on date: GregorianDate, at location: GeoLocation) -> Date {
        solarNoon(onDay: date.daysSince1970, at: location)
    }

    /// The instant the sun is lowest in the night that follows a day.
    public static func solarMidnight(after date: GregorianDate, at location: GeoLocation) -> Date {
        solarMidnight(afterDay: date.daysSince1970, at: location)
    }

    // MARK: - Events

    enum Crossing {
        case rising
        case setting
    }

    static func event(on date: GregorianDate, at location: GeoLocation, zenith: Double, crossing: Crossing)
        -> SolarEvent
    {
        event(onDay: date.daysSince1970, at: location, zenith: zenith, crossing: crossing)
    }

    /// The crossing of a zenith angle (90 plus the depression) on a local civil day, given as
    /// days since 1 January 1970. Validated input only; public callers go through the checking
    /// functions above.
    static func event(onDay day: Int, at location: GeoLocation, zenith: Double, crossing: Crossing) -> SolarEvent {
        let julianDay = julianDayAtStart(ofDay: day, at: location)
        let latitude = location.latitude
        let westLongitude = -location.longitude
        let noonMinutes = solarNoonMinutes(julianCenturies(julianDay), westLongitude: westLongitude)
        let firstPass = crossingMinutes(
            julianCenturies(julianDay + noonMinutes / 1440), latitude, westLongitude, zenith, crossing)
        guard case .minutes(let estimate) = firstPass else { return firstPass.event(julianDay: julianDay) }
        let refined = crossingMinutes(
            julianCenturies(julianDay + estimate / 1440), latitude, westLongitude, zenith, crossing)
        return refined.event(julianDay: julianDay)
    }

    static func solarNoon(onDay day: Int, at location: GeoLocation) -> Date {
        let julianDay = julianDayAtStart(ofDay: day, at: location)
        let minutes = solarNoonMinutes(julianCenturies(julianDay), westLongitude: -location.longitude)
        return instant(julianDay: julianDay, minutes: minutes)
    }

    static func solarMidnight(afterDay day: Int, at location: GeoLocation) -> Date {
        let noon = solarNoon(onDay: day, at: location).timeIntervalSince1970
        let nextNoon = solarNoon(onDay: day + 1, at: location).timeIntervalSince1970
        return Date(timeIntervalSince1970: (noon + nextNoon) / 2)
    }

    private static func checkDepression(_ degrees: Double) throws {
        guard degrees.isFinite, supportedDepressions.contains(degrees) else {
            throw CalendarError(
                .invalidSunDepression,
                "a sun depression of \(degrees) degrees is outside \(supportedDepressions)")
        }
    }

    /// 90 degrees plus the sun's apparent radius, standard refraction and, optionally, the dip
    /// of the horizon seen from the location's elevation.
    private static func horizonZenith(_ location: GeoLocation, _ accountingForElevation: Bool) -> Double {
        let solarRadius = 16.0 / 60
        let refraction = 34.0 / 60
        guard accountingForElevation, location.elevation > 0 else { return 90 + solarRadius + refraction }
        let earthRadiusKilometres = 6356.9
        let dip = degrees(acos(earthRadiusKilometres / (earthRadiusKilometres + location.elevation / 1000)))
        return 90 + solarRadius + refraction + dip
    }

    /// The Julian day at 0h UTC of the UTC date on which the location's solar noon of its local
    /// date `date` falls. That is `date` itself except near the antimeridian, where local time
    /// differs from solar time by half a day or more.
    private static func julianDayAtStart(ofDay day: Int, at location: GeoLocation) -> Double {
        let offsetMinutes =
            Double(
                location.timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(day) * 86_400 + 43_200))) / 60
        let localNoonMinutes = 720 - 4 * location.longitude + offsetMinutes
        let shift = Int((localNoonMinutes / 1440).rounded(.down))
        return julianDayOfUnixEpoch + Double(day - shift)
    }

    private static func instant(julianDay: Double, minutes: Double) -> Date {
        Date(timeIntervalSince1970: (julianDay - julianDayOfUnixEpoch) * 86_400 + minutes * 60)
    }

    private enum CrossingTime {
        case minutes(Double)
        case sunStaysAbove
        case sunStaysBelow

        func event(julianDay: Double) -> SolarEvent {
            switch self {
            case .minutes(let minutes): .at(SolarCalculator.instant(julianDay: julianDay, minutes: minutes))
            case .sunStaysAbove: .sunStaysAbove
            case .sunStaysBelow: .sunStaysBelow
            }
        }
    }

    /// Minutes after 0h UTC of the base day at which the sun crosses the zenith angle, using
    /// the sun's position at `centuries`.
    private static func crossingMinutes(
        _ centuries: Double, _ latitude: Double, _ westLongitude: Double, _ zenith: Double, _ crossing: Crossing
    ) -> CrossingTime {
        let equationOfTime = equationOfTime(centuries)
        let declination = radians(solarDeclination(centuries))
        let latitude = radians(latitude)
        let cosineOfHourAngle =
            cos(radians(zenith)) / (cos(latitude) * cos(declination)) - tan(latitude) * tan(declination)
        guard cosineOfHourAngle.isFinite else {
            // At a pole the sun circles at the altitude of its declination all day.
            return degrees(declination) > 90 - zenith ? .sunStaysAbove : .sunStaysBelow
        }
        if cosineOfHourAngle > 1 { return .sunStaysBelow }
        if cosineOfHourAngle < -1 { return .sunStaysAbove }
        let hourAngle = acos(cosineOfHourAngle) * (crossing == .setting ? -1 : 1)
        return .minutes(720 + 4 * (westLongitude - degrees(hourAngle)) - equationOfTime)
    }

    // MARK: - NOAA solar position

    private static let julianDayOfUnixEpoch = 2_440_587.5
    private static let julianDayOfJ2000 = 2_451_545.0
    private static let daysPerJulianCentury = 36_525.0

    private static func julianCenturies(_ julianDay: Double) -> Double {
        (julianDay - julianDayOfJ2000) / daysPerJulianCentury
    }

    private static func julianDay(centuries: Double) -> Double {
        centuries * daysPerJulianCentury + julianDayOfJ2000
    }

    /// Minutes after 0h UTC of the base day at which the sun transits.
    private static func solarNoonMinutes(_ centuries: Double, westLongitude: Double) -> Double {
        let dayStart = julianDay(centuries: centuries)
        let approximateEquation = equationOfTime(julianCenturies(dayStart + westLongitude / 360))
        let approximateNoon = 720 + westLongitude * 4 - approximateEquation
        let equation = equationOfTime(julianCenturies(dayStart - 0.5 + approximateNoon / 1440))
        return 720 + westLongitude * 4 - equation
    }

    /// Minutes of time by which apparent solar time runs ahead of mean solar time.
    private static func equationOfTime(_ centuries: Double) -> Double {
        let obliquity = radians(obliquityCorrection(centuries))
        let meanLongitude = radians(sunGeometricMeanLongitude(centuries))
        let meanAnomaly = radians(sunGeometricMeanAnomaly(centuries))
        let eccentricity = earthOrbitEccentricity(centuries)
        var y = tan(obliquity / 2)
        y *= y
        let equation =
            y * sin(2 * meanLongitude)
            - 2 * eccentricity * sin(meanAnomaly)
            + 4 * eccentricity * y * sin(meanAnomaly) * cos(2 * meanLongitude)
            - 0.5 * y * y * sin(4 * meanLongitude)
            - 1.25 * eccentricity * eccentricity * sin(2 * meanAnomaly)
        return degrees(equation) * 4
    }

    private static func solarDeclination(_ centuries: Double) -> Double {
        let obliquity = radians(obliquityCorrection(centuries))
        let apparentLongitude = radians(sunApparentLongitude(centuries))
        return degrees(asin(sin(obliquity) * sin(apparentLongitude)))
    }

    private static func sunApparentLongitude(_ centuries: Double) -> Double {
        let omega = 125.04 - 1934.136 * centuries
        return sunTrueLongitude(centuries) - 0.00569 - 0.00478 * sin(radians(omega))
    }

    private static func sunTrueLongitude(_ centuries: Double) -> Double {
        sunGeometricMeanLongitude(centuries) + sunEquationOfCentre(centuries)
    }

    private static func sunEquationOfCentre(_ centuries: Double) -> Double {
        let anomaly = radians(sunGeometricMeanAnomaly(centuries))
        return sin(anomaly) * (1.914602 - centuries * (0.004817 + 0.000014 * centuries))
            + sin(2 * anomaly) * (0.019993 - 0.000101 * centuries)
            + sin(3 * anomaly) * 0.000289
    }

    private static func earthOrbitEccentricity(_ centuries: Double) -> Double {
        0.016708634 - centuries * (0.000042037 + 0.0000001267 * centuries)
    }

    private static func sunGeometricMeanAnomaly(_ centuries: Double) -> Double {
        normalized(357.52911 + centuries * (35999.05029 - 0.0001537 * centuries))
    }

    private static func sunGeometricMeanLongitude(_ centuries: Double) -> Double {
        normalized(280.46646 + centuries * (36000.76983 + 0.0003032 * centuries))
    }

    private static func obliquityCorrection(_ centuries: Double) -> Double {
        let omega = 125.04 - 1934.136 * centuries
        return normalized(meanObliquityOfEcliptic(centuries) + 0.00256 * cos(radians(omega)))
    }

    private static func meanObliquityOfEcliptic(_ centuries: Double) -> Double {
        let seconds = 21.448 - centuries * (46.8150 + centuries * (0.00059 - centuries * 0.001813))
        return 23 + (26 + seconds / 60) / 60
    }

    /// An angle in degrees brought into 0..<360.
    private static func normalized(_ degrees: Double) -> Double {
        let remainder = degrees.truncatingRemainder(dividingBy: 360)
        return remainder < 0 ? remainder + 360 : remainder
    }

    private static func radians(_ degrees: Double) -> Double {
        degrees * .pi / 180
    }

    private static func degrees(_ radians: Double) -> Double {
        radians * 180 / .pi
    }
}
