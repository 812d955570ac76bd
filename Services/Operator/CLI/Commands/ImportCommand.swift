import ArgumentParser
import Foundation

/// `p2gctl import`: communities, partnerships with their members' stays, volunteers and
/// committee seats from CSV files, through the registry's HTTP API.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import communities, partnerships, volunteers and committees from CSV files through the registry's API.",
        discussion: """
            Give a directory holding communities.csv, partnerships.csv, volunteers.csv and committees.csv \
            (those present are read), or each file with its option. The columns are in the README \
            (p2gctl import and export). Every row is validated by the registry as any request is; each \
            rejected row is reported with its file, line and reason, and the others are imported. Running \
            the same files again imports nothing twice: every row is then already present. Progress goes \
            to standard error; the rejected rows and a summary to standard output. Exit status 1 when a \
            row was rejected.
            """)

    @Argument(help: "A directory with the files named communities.csv, partnerships.csv, volunteers.csv, committees.csv.")
    var directory: String?

    @Option(name: .long, help: "The communities file.") var communities: String?
    @Option(name: .long, help: "The partnerships file: one row per stay of a community.") var partnerships: String?
    @Option(name: .long, help: "The volunteers file.") var volunteers: String?
    @Option(name: .long, help: "The committees file: one row per seat.") var committees: String?

    @OptionGroup var connection: RegistryConnectionOptions

    func run() async throws {
        var sources: [RegistryImport.Source] = []
        let given: [RegistrySheet: String?] = [
            .communities: communities, .partnerships: partnerships, .volunteers: volunteers, .committees: committees,
        ]
        for sheet in RegistrySheet.allCases {
            var path = given[sheet] ?? nil
            if path == nil, let directory {
                let candidate = URL(fileURLWithPath: directory).appendingPathComponent(sheet.fileName).path
                if FileManager.default.fileExists(atPath: candidate) { path = candidate }
            }
            guard let path else { continue }
            guard let data = FileManager.default.contents(atPath: path) else { throw OperatorError("cannot read \(path)") }
            guard let text = String(data: data, encoding: .utf8) else {
                throw OperatorError("\(path) is not UTF-8 text: save it from the spreadsheet as CSV UTF-8")
            }
            sources.append(.init(sheet: sheet, file: URL(fileURLWithPath: path).lastPathComponent, text: text))
        }
        guard !sources.isEmpty else {
            throw OperatorError(
                "nothing to import: give a directory holding \(RegistrySheet.allCases.map(\.fileName).joined(separator: ", ")), or a file with --communities, --partnerships, --volunteers or --committees"
            )
        }
        let client = try connection.client()
        defer { client.close() }
        let report = try await RegistryImport(client: client, inFlight: connection.inFlight, progress: ImportProgress()).run(sources)
        print(report.render())
        if report.rejectedCount > 0 { throw ExitCode(1) }
    }
}
