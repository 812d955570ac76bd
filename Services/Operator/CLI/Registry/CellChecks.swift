import Contracts
import Foundation

/// Reads the cells of one row, collecting every problem so that a rejected row names each
/// bad cell at once. Only what the import itself needs is checked here (keys, numbers, dates
/// that order a history, lists); everything else is the registry's to judge.
struct CellChecks {
    private(set) var problems: [String] = []
    let row: CSVSheet.Row

    init(_ row: CSVSheet.Row) {
        self.row = row
        if row.hasCellsBeyondHeader {
            problems.append("the row has more cells than the header has columns (a comma inside a field that is not quoted?)")
        }
    }

    mutating func refuse(_ column: String, _ reason: String) {
        problems.append("\(column): \(reason)")
    }

    /// The reason a row is rejected, when it is.
    var rejection: String? { problems.isEmpty ? nil : problems.joined(separator: "; ") }

    /// A key or reference: required, at most 150 characters.
    mutating func key(_ column: String, required: Bool = true) -> String? {
        let value = row[column]
        if value.isEmpty {
            if required { refuse(column, "is required") }
            return nil
        }
        guard value.count <= 150 else {
            refuse(column, "has more than 150 characters")
            return nil
        }
        return value
    }

    /// A day written `YYYY-MM-DD`.
    mutating func date(_ column: String, required: Bool) -> CalendarDate? {
        let value = row[column]
        if value.isEmpty {
            if required { refuse(column, "is required (a date such as 2012-09-01)") }
            return nil
        }
        guard let date = CalendarDate(parsing: value) else {
            refuse(column, "'\(value)' is not a date such as 2012-09-01")
            return nil
        }
        return date
    }

    /// A number such as `41.5868`; nil when empty.
    mutating func number(_ column: String) -> Double? {
        let value = row[column]
        guard !value.isEmpty else { return nil }
        guard let number = Double(value), number.isFinite else {
            refuse(column, "'\(value)' is not a number such as 41.5868")
            return nil
        }
        return number
    }

    /// A list written `he;en`; nil when empty.
    func list(_ column: String) -> [String]? {
        let value = row[column]
        guard !value.isEmpty else { return nil }
        return value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The names in other languages: the Hebrew column, and `tag=name` pairs separated by `;`.
    mutating func names(hebrew: String, others: String) -> [String: String]? {
        var names: [String: String] = [:]
        for pair in row[others].split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                refuse(others, "'\(pair)' is not a language and a name such as en=Des Moines")
                continue
            }
            names[parts[0]] = parts[1]
        }
        if let name = row.optional(hebrew) { names["he"] = name }
        return names.isEmpty ? nil : names
    }

    /// Consent written `yes` or `no`.
    mutating func consent(_ column: String) -> Bool? {
        switch row[column].lowercased() {
        case "yes", "true", "y", "1": return true
        case "no", "false", "n", "0": return false
        case "":
            refuse(column, "is required with the address: yes or no")
            return nil
        default:
            refuse(column, "'\(row[column])' is neither yes nor no")
            return nil
        }
    }
}
