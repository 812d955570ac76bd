/// Hebrew numerals (gematria) as written in dates: "ט״ו" for 15, "תשע״ז" for the year 5777.
public enum HebrewNumeral {
    /// A number from 1 to 999 in Hebrew letters, with a geresh after a single letter and
    /// gershayim before the last of several: 1 → "א׳", 15 → "ט״ו", 29 → "כ״ט".
    ///
    /// 15 and 16 are written ט״ו and ט״ז so as not to spell the divine name, and the letter
    /// orders that would spell שד, שמד and רצח are rearranged (ד״ש, שד״מ, רח״צ) as is customary
    /// and as Foundation's Hebrew calendar writes them.
    /// - Returns: The numeral, or the decimal digits for a number outside 1...999.
    public static func string(for number: Int) -> String {
        guard (1...999).contains(number) else { return String(number) }
        return punctuated(letters(for: number))
    }

    /// A Hebrew year as written in dates. Years 5000 to 5999 omit the thousands, as is usual
    /// ("תשע״ז" for 5777); other years put the thousands first, as Foundation's Hebrew calendar
    /// does ("ו׳א׳" for 6001, "ו׳ אלפים" for 6000).
    public static func year(_ year: Int) -> String {
        guard year > 0 else { return String(year) }
        let thousands = year / 1000
        let rest = year % 1000
        if thousands == 5 && rest != 0 {
            return string(for: rest)
        }
        let prefix = string(for: thousands)
        if rest == 0 {
            return prefix + " אלפים"
        }
        return prefix + string(for: rest)
    }

    private static func letters(for number: Int) -> [Character] {
        var letters: [Character] = []
        var hundreds = number / 100
        while hundreds >= 4 {
            letters.append("ת")
            hundreds -= 4
        }
        if hundreds > 0 { letters.append(hundredLetters[hundreds - 1]) }
        let belowHundred = number % 100
        if belowHundred == 15 || belowHundred == 16 {
            letters += ["ט", belowHundred == 15 ? "ו" : "ז"]
        } else {
            if belowHundred >= 10 { letters.append(tenLetters[belowHundred / 10 - 1]) }
            if belowHundred % 10 > 0 { letters.append(unitLetters[belowHundred % 10 - 1]) }
        }
        return rearrangingOminousWords(letters)
    }

    /// Rearranges the endings שד, שמד and רצח, which spell "demon", "destruction" and "murder".
    private static func rearrangingOminousWords(_ letters: [Character]) -> [Character] {
        let word = String(letters)
        for (ominous, written) in [("שמד", "שדמ"), ("רצח", "רחצ"), ("שד", "דש")] where word.hasSuffix(ominous) {
            return Array(word.dropLast(ominous.count) + written)
        }
        return letters
    }

    private static func punctuated(_ letters: [Character]) -> String {
        guard let last = letters.last else { return "" }
        if letters.count == 1 { return String(last) + "׳" }
        return String(letters.dropLast()) + "״" + String(last)
    }

    private static let unitLetters: [Character] = ["א", "ב", "ג", "ד", "ה", "ו", "ז", "ח", "ט"]
    private static let tenLetters: [Character] = ["י", "כ", "ל", "מ", "נ", "ס", "ע", "פ", "צ"]
    private static let hundredLetters: [Character] = ["ק", "ר", "ש"]
}
