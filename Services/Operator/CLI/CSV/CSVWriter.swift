/// Writes records as RFC 4180 CSV: CRLF between records, a field quoted when it holds a
/// comma, a quote, a line break or surrounding spaces, its quotes doubled. With
/// `byteOrderMark`, the text starts with U+FEFF so that spreadsheet programs read it as UTF-8
/// (Hebrew included); ``CSVReader`` skips it.
public enum CSVWriter {
    public static func text(_ rows: [[String]], byteOrderMark: Bool = true) -> String {
        var text = byteOrderMark ? "\u{FEFF}" : ""
        for row in rows {
            text += row.map(field).joined(separator: ",")
            text += "\r\n"
        }
        return text
    }

    /// One field, quoted when it must be.
    public static func field(_ value: String) -> String {
        let needsQuotes =
            value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            || value.first?.isWhitespace == true || value.last?.isWhitespace == true
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
