/// A month of the Hebrew calendar.
///
/// A common year has twelve months with one Adar (`adar`); a leap year has thirteen, with
/// `adarI` and `adarII` in its place. Raw values are stable identifiers.
public enum HebrewMonth: String, Sendable, Hashable, CaseIterable {
    case tishrei
    case cheshvan
    case kislev
    case tevet
    case shevat
    /// Adar of a common year.
    case adar
    /// The added month of a leap year.
    case adarI = "adar-i"
    /// Adar of a leap year: Purim and the other dates of Adar fall in it.
    case adarII = "adar-ii"
    case nisan
    case iyar
    case sivan
    case tammuz
    case av
    case elul

    /// The English name, spelled as Foundation's Hebrew calendar (CLDR) spells it, e.g. "Tamuz".
    public var englishName: String {
        switch self {
        case .tishrei: "Tishri"
        case .cheshvan: "Heshvan"
        case .kislev: "Kislev"
        case .tevet: "Tevet"
        case .shevat: "Shevat"
        case .adar: "Adar"
        case .adarI: "Adar I"
        case .adarII: "Adar II"
        case .nisan: "Nisan"
        case .iyar: "Iyar"
        case .sivan: "Sivan"
        case .tammuz: "Tamuz"
        case .av: "Av"
        case .elul: "Elul"
        }
    }

    /// The Hebrew name, spelled as Foundation's Hebrew calendar (CLDR) spells it, e.g. "תמוז".
    public var hebrewName: String {
        switch self {
        case .tishrei: "תשרי"
        case .cheshvan: "חשון"
        case .kislev: "כסלו"
        case .tevet: "טבת"
        case .shevat: "שבט"
        case .adar: "אדר"
        case .adarI: "אדר א׳"
        case .adarII: "אדר ב׳"
        case .nisan: "ניסן"
        case .iyar: "אייר"
        case .sivan: "סיון"
        case .tammuz: "תמוז"
        case .av: "אב"
        case .elul: "אלול"
        }
    }

    /// Position in the year counted from Tishrei, with Adar and Adar II sharing 7 (the
    /// numbering Foundation's Hebrew calendar uses).
    var ordinal: Int {
        switch self {
        case .tishrei: 1
        case .cheshvan: 2
        case .kislev: 3
        case .tevet: 4
        case .shevat: 5
        case .adarI: 6
        case .adar, .adarII: 7
        case .nisan: 8
        case .iyar: 9
        case .sivan: 10
        case .tammuz: 11
        case .av: 12
        case .elul: 13
        }
    }

    /// The months of a year in order.
    static func months(leapYear: Bool) -> [HebrewMonth] {
        leapYear ? leapYearMonths : commonYearMonths
    }

    private static let commonYearMonths: [HebrewMonth] = [
        .tishrei, .cheshvan, .kislev, .tevet, .shevat, .adar, .nisan, .iyar, .sivan, .tammuz, .av, .elul,
    ]
    private static let leapYearMonths: [HebrewMonth] = [
        .tishrei, .cheshvan, .kislev, .tevet, .shevat, .adarI, .adarII, .nisan, .iyar, .sivan, .tammuz, .av, .elul,
    ]
}
