import Foundation

/// A CSV file read as a sheet: a header line naming the columns, then one row per record.
/// Columns are found by name, in any order, whatever their case; columns the sheet does not
/// know are left alone (a spreadsheet often carries notes).
public struct CSVSheet: Sendable {
    /// A row of the sheet: its line and its values by column name.
    public struct Row: Sendable {
        public var line: Int
        let values: [String: String]
        /// Whether the record has values beyond the last named column: an unquoted comma
        /// inside a field, most often.
        public var hasCellsBeyondHeader: Bool

        /// The value in `column`, trimmed; empty when the row has no such cell.
        public subscript(column: String) -> String {
            values[column, default: ""].trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// The value in `column`, nil when the cell is empty.
        public func optional(_ column: String) -> String? {
            let value = self[column]
            return value.isEmpty ? nil : value
        }
    }

    public var columns: [String]
    public var rows: [Row]

    /// The sheet of `text`; throws when it is not CSV, has no header, or lacks one of
    /// `requiredColumns`.
    public init(_ text: String, requiredColumns: [String]) throws(CSVError) {
        let records = try CSVReader.records(text)
        guard let header = records.first else {
            throw CSVError(line: 1, reason: "the file is empty: it needs a header line naming its columns")
        }
        columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var seen: Set<String> = []
        for column in columns where !column.isEmpty {
            guard seen.insert(column).inserted else { throw CSVError(line: header.line, reason: "the column \(column) is named twice") }
        }
        let missing = requiredColumns.filter { !seen.contains($0) }
        guard missing.isEmpty else {
            throw CSVError(
                line: header.line,
                reason:
                    "the header lacks the column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")); it needs \(requiredColumns.joined(separator: ","))"
            )
        }
        let names = columns
        rows = records.dropFirst().map { record in
            var values: [String: String] = [:]
            for (index, value) in record.fields.enumerated() where index < names.count && !names[index].isEmpty {
                values[names[index]] = value
            }
            let beyond = record.fields.count > names.count && record.fields[names.count...].contains { !$0.isEmpty }
            return Row(line: record.line, values: values, hasCellsBeyondHeader: beyond)
        }
    }
}
