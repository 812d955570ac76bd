/// Reads CSV text as RFC 4180 describes it, as spreadsheets write it: fields separated by
/// commas, records by CRLF or LF; a field in double quotes may hold commas, line breaks and
/// doubled quotes (`""`). A byte order mark at the start is skipped; blank lines are skipped.
///
/// Pure: text in, records out, each with the line it starts on.
public enum CSVReader {
    /// The records of `text`; throws for a quote that is never closed or text right after a
    /// closing quote, naming the line.
    public static func records(_ text: String) throws(CSVError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var quoted = false
        // After the closing quote of a field: only a separator or the end of the record may follow.
        var afterQuote = false
        var fieldStarted = false
        var quoteLine = 1
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            afterQuote = false
            fieldStarted = false
        }
        func endRecord() {
            endField()
            // A line with nothing on it is not a record of one empty field.
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(CSVRecord(line: recordLine, fields: fields)) }
            fields = []
        }

        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            if quoted {
                switch scalar {
                case "\"":
                    if index < scalars.endIndex, scalars[index] == "\"" {
                        field.append("\"")
                        index = scalars.index(after: index)
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                case "\r":
                    // CRLF inside a field is one line break, kept as LF.
                    if index < scalars.endIndex, scalars[index] == "\n" { index = scalars.index(after: index) }
                    field.append("\n")
                    line += 1
                case "\n":
                    field.append("\n")
                    line += 1
                default:
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                endField()
            case "\r", "\n":
                if scalar == "\r", index < scalars.endIndex, scalars[index] == "\n" { index = scalars.index(after: index) }
                endRecord()
                line += 1
                recordLine = line
            case "\"" where !fieldStarted:
                quoted = true
                fieldStarted = true
                quoteLine = line
            default:
                if afterQuote {
                    throw CSVError(
                        line: line, reason: "text after the closing quote of a field; a quote inside a quoted field is written twice (\"\")"
                    )
                }
                if scalar == "\"" {
                    throw CSVError(
                        line: line, reason: "a quote inside an unquoted field; quote the whole field and write the quote twice (\"\")")
                }
                field.append(scalar)
                fieldStarted = true
            }
        }
        if quoted { throw CSVError(line: quoteLine, reason: "a quoted field is never closed") }
        if fieldStarted || !fields.isEmpty || afterQuote { endRecord() }
        return records
    }
}
