/// Rows in aligned columns under a header line, as the commands print them.
///
/// ```
/// SERVICE        STATUS  DATABASE
/// registry       ready   ok
/// notifications  ready   ok
/// ```
public struct TextTable: Sendable, Equatable {
    public var headers: [String]
    public var rows: [[String]]

    public init(headers: [String], rows: [[String]] = []) {
        self.headers = headers
        self.rows = rows
    }

    /// Appends a row; missing cells are empty.
    public mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The table as lines of text, columns two spaces apart, no trailing spaces.
    public func render() -> String {
        let columns = max(headers.count, rows.map(\.count).max() ?? 0)
        let all = [headers] + rows
        var widths = Array(repeating: 0, count: columns)
        for row in all {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return all.map { row in
            var line = ""
            for index in 0..<columns {
                let cell = index < row.count ? row[index] : ""
                line += index == columns - 1 ? cell : cell.padding(toLength: widths[index] + 2, withPad: " ", startingAt: 0)
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
