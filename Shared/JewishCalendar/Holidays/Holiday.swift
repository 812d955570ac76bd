/// A holiday, fast or commemoration, one case per kind of day.
///
/// Festivals whose days differ in law have one case per day (`pesach1` is yom tov,
/// `cholHamoedPesach` is not). The raw value is a stable identifier for storage and messages.
public enum Holiday: String, Sendable, Hashable, CaseIterable {
    /// 29 Elul, the eve of the next year's Rosh Hashana.
    case erevRoshHashana = "erev-rosh-hashana"
    /// The first day of a month, and the 30th of the month before when it has 30 days (except
    /// 1 Tishrei, which is Rosh Hashana).
    case roshChodesh = "rosh-chodesh"
    case roshHashana1 = "rosh-hashana-1"
    case roshHashana2 = "rosh-hashana-2"
    case tzomGedaliah = "tzom-gedaliah"
    case erevYomKippur = "erev-yom-kippur"
    case yomKippur = "yom-kippur"
    case erevSukkot = "erev-sukkot"
    case sukkot1 = "sukkot-1"
    /// The second day of Sukkot, kept as yom tov abroad only.
    case sukkot2 = "sukkot-2"
    case cholHamoedSukkot = "chol-hamoed-sukkot"
    case hoshanaRabba = "hoshana-rabba"
    /// 22 Tishrei; in Israel also Simchat Torah, one day of rest listed once.
    case sheminiAtzeret = "shemini-atzeret"
    /// 23 Tishrei, abroad only (in Israel it is held on Shemini Atzeret, which it does not
    /// double).
    case simchatTorah = "simchat-torah"
    case chanukah
    case asaraBTevet = "asara-btevet"
    case tuBiShvat = "tu-bishvat"
    case taanitEsther = "taanit-esther"
    case purim
    case shushanPurim = "shushan-purim"
    case erevPesach = "erev-pesach"
    case pesach1 = "pesach-1"
    /// The second day of Pesach, kept as yom tov abroad only.
    case pesach2 = "pesach-2"
    case cholHamoedPesach = "chol-hamoed-pesach"
    case pesach7 = "pesach-7"
    /// The eighth day of Pesach, kept abroad only.
    case pesach8 = "pesach-8"
    case yomHaShoah = "yom-hashoah"
    case yomHaZikaron = "yom-hazikaron"
    case yomHaAtzmaut = "yom-haatzmaut"
    /// 14 Iyar.
    case pesachSheni = "pesach-sheni"
    /// 18 Iyar, the 33rd day of the Omer.
    case lagBaOmer = "lag-baomer"
    case yomYerushalayim = "yom-yerushalayim"
    case erevShavuot = "erev-shavuot"
    case shavuot1 = "shavuot-1"
    /// The second day of Shavuot, kept abroad only.
    case shavuot2 = "shavuot-2"
    case shivaAsarBTammuz = "shiva-asar-btammuz"
    case tishaBAv = "tisha-bav"

    /// The kind of day, which decides what is allowed on it.
    public enum Category: String, Sendable, Hashable, CaseIterable {
        /// Work is forbidden as on Shabbat (Yom Kippur included).
        case yomTov = "yom-tov"
        /// The intermediate days of Sukkot and Pesach.
        case cholHamoed = "chol-hamoed"
        /// A public fast from dawn, or for Tisha B'Av from the evening before.
        case fast
        /// A rabbinic or minor festival: Chanukah, Tu BiShvat, Purim, Shushan Purim, Pesach Sheni,
        /// Lag BaOmer.
        case minor
        /// The eve of a festival on which work is forbidden (Rosh Hashana, Yom Kippur, Sukkot,
        /// Pesach, Shavuot): an ordinary working day until the festival begins at candle lighting,
        /// though many avoid commitments in its afternoon.
        case erev
        /// The new month: an ordinary working day.
        case roshChodesh = "rosh-chodesh"
        /// A day of the State of Israel: Yom HaShoah, Yom HaZikaron, Yom HaAtzmaut, Yom Yerushalayim.
        case modern
    }

    /// The stable identifier, e.g. "pesach-1".
    public var id: String {
        rawValue
    }

    /// The kind of day.
    public var category: Category {
        switch self {
        case .roshHashana1, .roshHashana2, .yomKippur, .sukkot1, .sukkot2, .sheminiAtzeret, .simchatTorah,
            .pesach1, .pesach2, .pesach7, .pesach8, .shavuot1, .shavuot2:
            .yomTov
        case .cholHamoedSukkot, .hoshanaRabba, .cholHamoedPesach:
            .cholHamoed
        case .tzomGedaliah, .asaraBTevet, .taanitEsther, .shivaAsarBTammuz, .tishaBAv:
            .fast
        case .chanukah, .tuBiShvat, .purim, .shushanPurim, .pesachSheni, .lagBaOmer:
            .minor
        case .erevRoshHashana, .erevYomKippur, .erevSukkot, .erevPesach, .erevShavuot:
            .erev
        case .roshChodesh:
            .roshChodesh
        case .yomHaShoah, .yomHaZikaron, .yomHaAtzmaut, .yomYerushalayim:
            .modern
        }
    }

    /// Whether work is forbidden on the day, from candle lighting the evening before to havdalah.
    public var isYomTov: Bool {
        category == .yomTov
    }

    /// Whether the day is a fast (Yom Kippur and the five public fasts).
    public var isFast: Bool {
        self == .yomKippur || category == .fast
    }

    /// The English name, e.g. "Pesach I".
    public var englishName: String {
        switch self {
        case .erevRoshHashana: "Erev Rosh Hashana"
        case .roshChodesh: "Rosh Chodesh"
        case .erevYomKippur: "Erev Yom Kippur"
        case .erevSukkot: "Erev Sukkot"
        case .erevPesach: "Erev Pesach"
        case .pesachSheni: "Pesach Sheni"
        case .lagBaOmer: "Lag BaOmer"
        case .erevShavuot: "Erev Shavuot"
        case .roshHashana1: "Rosh Hashana I"
        case .roshHashana2: "Rosh Hashana II"
        case .tzomGedaliah: "Tzom Gedaliah"
        case .yomKippur: "Yom Kippur"
        case .sukkot1: "Sukkot I"
        case .sukkot2: "Sukkot II"
        case .cholHamoedSukkot: "Chol HaMoed Sukkot"
        case .hoshanaRabba: "Hoshana Rabba"
        case .sheminiAtzeret: "Shemini Atzeret"
        case .simchatTorah: "Simchat Torah"
        case .chanukah: "Chanukah"
        case .asaraBTevet: "Asara B'Tevet"
        case .tuBiShvat: "Tu BiShvat"
        case .taanitEsther: "Ta'anit Esther"
        case .purim: "Purim"
        case .shushanPurim: "Shushan Purim"
        case .pesach1: "Pesach I"
        case .pesach2: "Pesach II"
        case .cholHamoedPesach: "Chol HaMoed Pesach"
        case .pesach7: "Pesach VII"
        case .pesach8: "Pesach VIII"
        case .yomHaShoah: "Yom HaShoah"
        case .yomHaZikaron: "Yom HaZikaron"
        case .yomHaAtzmaut: "Yom HaAtzmaut"
        case .yomYerushalayim: "Yom Yerushalayim"
        case .shavuot1: "Shavuot I"
        case .shavuot2: "Shavuot II"
        case .shivaAsarBTammuz: "Shiva Asar B'Tammuz"
        case .tishaBAv: "Tisha B'Av"
        }
    }

    /// The Hebrew name, e.g. "פסח א׳".
    public var hebrewName: String {
        switch self {
        case .erevRoshHashana: "ערב ראש השנה"
        case .roshChodesh: "ראש חודש"
        case .erevYomKippur: "ערב יום כיפור"
        case .erevSukkot: "ערב סוכות"
        case .erevPesach: "ערב פסח"
        case .pesachSheni: "פסח שני"
        case .lagBaOmer: "ל״ג בעומר"
        case .erevShavuot: "ערב שבועות"
        case .roshHashana1: "ראש השנה א׳"
        case .roshHashana2: "ראש השנה ב׳"
        case .tzomGedaliah: "צום גדליה"
        case .yomKippur: "יום כיפור"
        case .sukkot1: "סוכות א׳"
        case .sukkot2: "סוכות ב׳"
        case .cholHamoedSukkot: "חול המועד סוכות"
        case .hoshanaRabba: "הושענא רבה"
        case .sheminiAtzeret: "שמיני עצרת"
        case .simchatTorah: "שמחת תורה"
        case .chanukah: "חנוכה"
        case .asaraBTevet: "עשרה בטבת"
        case .tuBiShvat: "ט״ו בשבט"
        case .taanitEsther: "תענית אסתר"
        case .purim: "פורים"
        case .shushanPurim: "שושן פורים"
        case .pesach1: "פסח א׳"
        case .pesach2: "פסח ב׳"
        case .cholHamoedPesach: "חול המועד פסח"
        case .pesach7: "שביעי של פסח"
        case .pesach8: "אחרון של פסח"
        case .yomHaShoah: "יום השואה"
        case .yomHaZikaron: "יום הזיכרון"
        case .yomHaAtzmaut: "יום העצמאות"
        case .yomYerushalayim: "יום ירושלים"
        case .shavuot1: "שבועות א׳"
        case .shavuot2: "שבועות ב׳"
        case .shivaAsarBTammuz: "שבעה עשר בתמוז"
        case .tishaBAv: "תשעה באב"
        }
    }
}
