/// What `p2gctl import` did with each file: how many rows it imported, found present, and
/// rejected, and each rejected row's line and reason.
public struct ImportReport: Sendable, Equatable {
    /// One file's part.
    public struct FileReport: Sendable, Equatable {
        public var file: String
        public var rows = 0
        public var imported = 0
        public var alreadyPresent = 0
        /// The rejected rows in line order: their line and reason.
        public var rejections: [(line: Int, reason: String)] = []

        public init(file: String) {
            self.file = file
        }

        public mutating func record(line: Int, _ outcome: RowOutcome) {
            rows += 1
            switch outcome {
            case .imported: imported += 1
            case .alreadyPresent: alreadyPresent += 1
            case .rejected(let reason): rejections.append((line, reason))
            }
        }

        public static func == (left: FileReport, right: FileReport) -> Bool {
            left.file == right.file && left.rows == right.rows && left.imported == right.imported
                && left.alreadyPresent == right.alreadyPresent
                && left.rejections.map(\.line) == right.rejections.map(\.line)
                && left.rejections.map(\.reason) == right.rejections.map(\.reason)
        }
    }

    public var files: [FileReport] = []

    public init(files: [FileReport] = []) {
        self.files = files
    }

    public var rejectedCount: Int { files.reduce(0) { $0 + $1.rejections.count } }

    /// The report for a file by its name.
    public subscript(file: String) -> FileReport? { files.first { $0.file == file } }

    /// Each rejected row as `file:line: reason`, then the summary table.
    public func render() -> String {
        var lines: [String] = []
        for file in files {
            for rejection in file.rejections.sorted(by: { $0.line < $1.line }) {
                lines.append("\(file.file):\(rejection.line): rejected: \(rejection.reason)")
            }
        }
        if !lines.isEmpty { lines.append("") }
        var table = TextTable(headers: ["FILE", "ROWS", "IMPORTED", "ALREADY PRESENT", "REJECTED"])
        for file in files {
            table.append([file.file, String(file.rows), String(file.imported), String(file.alreadyPresent), String(file.rejections.count)])
        }
        lines.append(table.render())
        return lines.joined(separator: "\n")
    }
}
