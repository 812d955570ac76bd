import Testing

@testable import Operator

/// The CSV files coordinators save from spreadsheets: RFC 4180, UTF-8, Hebrew included.
@Suite struct CSVReaderTests {
    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let text = "key,name,notes\r\n1,\"Greater \"\"North\"\" Shore, Chicago\",\"first line\r\nsecond line\"\r\n2,Des Moines,\r\n"
        let records = try CSVReader.records(text)
        #expect(
            records.map(\.fields) == [
                ["key", "name", "notes"], ["1", "Greater \"North\" Shore, Chicago", "first line\nsecond line"], ["2", "Des Moines", ""],
            ])
        // A record is known by the line it starts on, even after a field that spans two.
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func hebrewIsKeptAsTypedAndAByteOrderMarkIsSkipped() throws {
        let text = "\u{FEFF}name,name_he\nWestern Galilee,גליל מערבי\nSderot,\"שדרות, הנגב\"\n"
        let sheet = try CSVSheet(text, requiredColumns: ["name", "name_he"])
        #expect(sheet.columns == ["name", "name_he"])
        #expect(sheet.rows.map { $0["name_he"] } == ["גליל מערבי", "שדרות, הנגב"])
        #expect(sheet.rows.map(\.line) == [2, 3])
    }

    @Test func lineFeedsAloneBlankLinesAndAMissingLastLineBreakAreRead() throws {
        let records = try CSVReader.records("a,b\n\n1,2\n3,\"4\"")
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(records.map(\.line) == [1, 3, 4])
    }

    @Test func aQuoteNeverClosedIsReportedOnTheLineItOpens() {
        #expect(throws: CSVError(line: 2, reason: "a quoted field is never closed")) {
            try CSVReader.records("a,b\n1,\"open\n2,3\n")
        }
    }

    @Test func textAfterAClosingQuoteOrAQuoteInsideAnUnquotedFieldIsRefused() {
        #expect(throws: CSVError.self) { try CSVReader.records("a,b\n\"one\"two,3\n") }
        #expect(throws: CSVError.self) { try CSVReader.records("a,b\non\"e,3\n") }
    }

    @Test func aSheetNamesTheColumnsItLacksAndTheRowsWithTooManyCells() throws {
        #expect(throws: CSVError.self) { try CSVSheet("key,name\n1,x\n", requiredColumns: ["key", "name", "kind"]) }
        let sheet = try CSVSheet("Key, Name ,notes\n1,x,,\n2,Des Moines, Iowa,US\n", requiredColumns: ["key", "name"])
        #expect(sheet.rows.map(\.hasCellsBeyondHeader) == [false, true])
        #expect(sheet.rows[0].optional("notes") == nil)
    }

    @Test func writtenFilesReadBackTheSame() throws {
        let rows = [
            ["key", "name", "name_he"], ["a", "Greater \"North\" Shore, Chicago", "צפון"], ["b", " spaced ", "line\nbreak"], ["c", "", ""],
        ]
        let text = CSVWriter.text(rows)
        #expect(text.hasPrefix("\u{FEFF}key,name,name_he\r\n"))
        #expect(try CSVReader.records(text).map(\.fields) == rows)
    }
}
