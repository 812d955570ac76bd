import CommunityRegistry
import Foundation
import GeneratedRegistry
import Hummingbird
import HummingbirdTesting
import Logging
import ServiceLifecycle
import ServiceTestSupport
import Synchronization
import Testing

@testable import Operator

/// `p2gctl import` and `export` against the registry running in this process on a port of
/// loopback, on a fresh database of the real stack: the same HTTP API any caller has.
@Suite(.serialized) struct RegistryImportTests {
    /// Runs `body` with a client of a fresh registry.
    static func withRegistry(_ body: @Sendable @escaping (RegistryClient, InProcessService) async throws -> Void) async throws {
        try await InProcessService.run(CommunityRegistryService.definition, testing: .live) { service, client in
            let port = try #require(client.port)
            let token = try await TestTokens.token(.agencyCoordinator, subject: "p2gctl-import-test")
            let registry = RegistryClient(baseURL: try #require(URL(string: "http://127.0.0.1:\(port)")), token: token)
            defer { registry.close() }
            try await body(registry, service)
        }
    }

    static func total(_ registry: RegistryClient, _ path: String) async throws -> Int {
        struct Total: Decodable { var total: Int }
        return try await registry.get("\(path)?limit=1", as: Total.self).total
    }

    /// The program's size: about a minute here, both runs together; `registry-benchmark`
    /// times the same import.
    @Test
    func generated550Communities45PartnershipsAnd10000VolunteersImportTheirGoodRowsEachBadOneIsReportedByLineAndASecondRunImportsNothing()
        async throws
    {
        let generated = GeneratedRegistry(communities: 550, partnerships: 45, volunteers: 10_000)
        try await Self.withRegistry { registry, _ in
            let first = try await RegistryImport(client: registry).run(generated.sources)
            for sheet in RegistrySheet.allCases {
                let file = try #require(generated.files[sheet])
                let report = try #require(first[sheet.fileName])
                #expect(report.rows == file.rows, "\(sheet.fileName)")
                #expect(report.imported == file.goodRows, "\(sheet.fileName): \(report.rejections.prefix(5))")
                #expect(report.rejections.map(\.line).sorted() == file.badLines, "\(sheet.fileName): \(report.rejections.prefix(5))")
            }
            let reasons = Dictionary(
                uniqueKeysWithValues: first.files.flatMap { file in file.rejections.map { ("\(file.file):\($0.line)", $0.reason) } })
            let communities = try #require(generated.files[.communities]).badLines
            #expect(
                reasons["communities.csv:\(communities[0])"]?.contains("timeZone: 'Mars/Olympus_Mons' is not an IANA time zone") == true)
            #expect(reasons["communities.csv:\(communities[1])"] == "name: is required")
            #expect(reasons["communities.csv:\(communities[2])"]?.contains("languages[1]") == true)
            #expect(reasons["communities.csv:\(communities[4])"] == "the key il-2 is used on line 4 already")
            let stays = try #require(generated.files[.partnerships]).badLines
            #expect(reasons["partnerships.csv:\(stays[0])"] == "community: no community has the key nowhere in communities.csv")
            #expect(reasons["partnerships.csv:\(stays[1])"]?.hasPrefix("left_on: 2019-05-01 is not after joined_on (2020-05-01)") == true)
            #expect(reasons["partnerships.csv:\(stays[2])"]?.hasPrefix("repeats line 3") == true)
            let volunteers = try #require(generated.files[.volunteers]).badLines
            #expect(reasons["volunteers.csv:\(volunteers[0])"]?.contains("timeZone") == true)
            #expect(reasons["volunteers.csv:\(volunteers[1])"] == "home_community: no community has the key nowhere in communities.csv")
            #expect(reasons["volunteers.csv:\(volunteers[4])"]?.contains("is not an email address") == true)
            #expect(reasons["volunteers.csv:\(volunteers[4])"]?.contains("not an address") == false, "never the address itself")
            let seats = try #require(generated.files[.committees]).badLines
            #expect(reasons["committees.csv:\(seats[0])"]?.contains("role") == true)

            #expect(try await Self.total(registry, "/communities") == generated.files[.communities]?.goodRows)
            #expect(try await Self.total(registry, "/partnerships") == generated.partnerships)
            #expect(try await Self.total(registry, "/volunteers") == generated.files[.volunteers]?.goodRows)

            let second = try await RegistryImport(client: registry).run(generated.sources)
            for file in second.files {
                #expect(file.imported == 0, "\(file.file): nothing is imported twice")
                #expect(file.alreadyPresent == (first[file.file]?.imported ?? -1), "\(file.file)")
                #expect(
                    file.rejections.map(\.line) == first[file.file]?.rejections.map(\.line), "\(file.file): \(file.rejections.prefix(5))")
            }
            #expect(try await Self.total(registry, "/communities") == generated.files[.communities]?.goodRows)
            #expect(try await Self.total(registry, "/volunteers") == generated.files[.volunteers]?.goodRows)
        }
    }

    /// The files with each id replaced by the name it stands for, rows sorted: what stays the
    /// same from one registry to another.
    static func canonical(_ files: RegistryExport.Files) throws -> [RegistrySheet: [[String]]] {
        var labels: [String: String] = [:]
        for (sheet, column) in [(RegistrySheet.communities, "name"), (.volunteers, "name")] {
            for row in try CSVSheet(files.texts[sheet] ?? "", requiredColumns: []).rows {
                labels[row["key"]] = "\(sheet.rawValue):\(row[column])"
            }
        }
        for row in try CSVSheet(files.texts[.partnerships] ?? "", requiredColumns: []).rows {
            labels[row["partnership"]] = "partnership:\(row["partnership_name"])"
        }
        var canonical: [RegistrySheet: [[String]]] = [:]
        for sheet in RegistrySheet.allCases {
            let records = try CSVReader.records(files.texts[sheet] ?? "")
            canonical[sheet] = records.dropFirst().map { $0.fields.map { labels[$0] ?? $0 } }.sorted {
                $0.joined(separator: "\u{1}") < $1.joined(separator: "\u{1}")
            }
        }
        return canonical
    }

    @Test func exportedFilesImportIntoAnEmptyRegistryAsTheSameRecordsAndIntoTheirOwnAsPresent() async throws {
        let generated = GeneratedRegistry(communities: 12, partnerships: 3, volunteers: 25, badRows: false)
        let box = Mutex<RegistryExport.Files?>(nil)
        try await Self.withRegistry { registry, _ in
            let report = try await RegistryImport(client: registry).run(generated.sources)
            #expect(report.rejectedCount == 0, "\(report.render())")
            let files = try await RegistryExport(client: registry).run()
            #expect(files.rows[.volunteers] == 25 && files.rows[.communities] == 12)
            let again = try await RegistryImport(client: registry).run(Self.sources(files))
            #expect(again.files.allSatisfy { $0.imported == 0 && $0.rejections.isEmpty }, "\(again.render())")
            box.withLock { $0 = files }
        }
        let exported = try #require(box.withLock { $0 })
        try await Self.withRegistry { registry, _ in
            let report = try await RegistryImport(client: registry).run(Self.sources(exported))
            #expect(report.rejectedCount == 0, "\(report.render())")
            #expect(report.files.allSatisfy { $0.alreadyPresent == 0 }, "\(report.render())")
            let reexported = try await RegistryExport(client: registry).run()
            let before = try Self.canonical(exported)
            let after = try Self.canonical(reexported)
            for sheet in RegistrySheet.allCases { #expect(before[sheet] == after[sheet], "\(sheet.fileName)") }
        }
    }

    static func sources(_ files: RegistryExport.Files) -> [RegistryImport.Source] {
        RegistrySheet.allCases.map { .init(sheet: $0, file: $0.fileName, text: files.texts[$0] ?? "") }
    }

    /// Access control is coming to every route: the token goes with every request, reads too.
    @Test func everyRequestCarriesTheBearerToken() async throws {
        let seen = SeenHeaders()
        let router = Router()
        router.post("/communities") { request, _ -> Response in
            seen.append(request.headers[.authorization])
            let body = #"{"id": "0190a5b4-0000-7000-8000-000000000001", "kind": "globalCommunity", "name": "Omaha"}"#
            return Response(
                status: .created, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        router.get("/communities") { request, _ -> Response in
            seen.append(request.headers[.authorization])
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"total": 0, "communities": []}"#)))
        }
        var logger = Logger(label: "fake-registry")
        logger.logLevel = .warning
        let application = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
        try await application.test(.live) { client in
            let port = try #require(client.port)
            let registry = RegistryClient(baseURL: try #require(URL(string: "http://127.0.0.1:\(port)")), token: "t0k3n")
            defer { registry.close() }
            let text = CSVWriter.text([
                RegistrySheet.communities.columns,
                [
                    "omaha", "globalCommunity", "Omaha", "", "", "US", "Nebraska", "America/Chicago", "41.2565", "-95.9345", "en",
                    "p@omaha.example",
                ],
            ])
            _ = try await RegistryImport(client: registry).run([.init(sheet: .communities, file: "communities.csv", text: text)])
            _ = try await registry.all("/communities", page: RegistryWire.CommunityPage.self, items: \.communities, id: \.id)
        }
        #expect(seen.values == ["Bearer t0k3n", "Bearer t0k3n"])
    }
}

/// The `Authorization` headers a fake registry was sent.
final class SeenHeaders: Sendable {
    private let storage = Mutex<[String?]>([])
    func append(_ value: String?) { storage.withLock { $0.append(value) } }
    var values: [String?] { storage.withLock { $0 } }
}
