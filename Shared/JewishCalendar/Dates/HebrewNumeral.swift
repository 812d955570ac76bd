/// Hebrew numerals (gematria) as written in dates: "ט״ו" for 15, "תשע״ז" for the year 5777.
public enum HebrewNumeral {
    /// A number from 1 to 999 in Hebrew letters, with a geresh after a single letter and
    /// gershayim before the last of several: 1 → "א׳", 15 → "ט״ו", 29 → "כ״ט".
    ///
    /// The spelling is Foundation's (CLDR's), checked by the tests for every year from 3762 to
    /// 9999: 15 and 16 are ט״ו and ט״ז so as not to spell the divine name; the letters that would
    /// spell שד (304), שמד (…44) and רצח (…98) are rearranged as ד״ש, שד״מ and רח״צ; and a closing
    /// 80 takes the final form, as in תש״ף, while the other letters with final forms keep their
    /// usual one.
    /// - Returns: The numeral, or the decimal digits for a number outside 1...999.
    public static func string(for number: Int) -> String {
        guard (1...999).contains(number) else { return String(number) }
        let letters = letters(for: number)
        let rearranged = rearrangingOminousWords(letters)
        guard rearranged == letters, letters.count > 1, letters.last == "פ" else {
            return punctuated(rearranged)
        }
        return punctuated(letters.dropLast() + ["ף"])
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
        return letters
    }

    /// Rearranges letters that would spell "demon" (שד), "destruction" (שמד) or "murder" (רצח).
    private static func rearrangingOminousWords(_ letters: [Character]) -> [Character] {
        let word = String(letters)
        if word == "שד" { return Array("דש") }
        for (ominous, written) in [("שמד", "שדמ"), ("רצח", "רחצ")] where word.hasSuffix(ominous) {
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
