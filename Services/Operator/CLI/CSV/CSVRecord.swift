/// One record of a CSV file: its fields, and the line of the file it starts on (a quoted
/// field may hold line breaks, so a record can span several lines).
public struct CSVRecord: Sendable, Equatable {
    /// The line the record starts on, counting from 1.
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}
