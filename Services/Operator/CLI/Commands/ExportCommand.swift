import ArgumentParser
import Foundation

/// `p2gctl export`: the registry's communities, partnerships, volunteers and committees as the
/// CSV files `p2gctl import` reads.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the registry's communities, partnerships, volunteers and committees as CSV files p2gctl import reads.",
        discussion: """
            Writes communities.csv, partnerships.csv, volunteers.csv and committees.csv into the directory \
            (made when missing; files of those names are replaced). Each record's key is its id in the \
            registry. The files hold contact details: keep them as you keep personal data.
            """)

    @Argument(help: "The directory to write the files into.")
    var directory: String

    @OptionGroup var connection: RegistryConnectionOptions

    func run() async throws {
        let client = try connection.client()
        defer { client.close() }
        let files = try await RegistryExport(client: client, inFlight: connection.inFlight).run()
        let folder = URL(fileURLWithPath: directory)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var table = TextTable(headers: ["FILE", "ROWS"])
            for sheet in RegistrySheet.allCases {
                try Data((files.texts[sheet] ?? "").utf8).write(to: folder.appendingPathComponent(sheet.fileName), options: .atomic)
                table.append([folder.appendingPathComponent(sheet.fileName).path, String(files.rows[sheet] ?? 0)])
            }
            print(table.render())
            for note in files.notes { print("note: \(note)") }
        } catch {
            throw OperatorError("cannot write into \(directory): \(error.localizedDescription)")
        }
    }
}
