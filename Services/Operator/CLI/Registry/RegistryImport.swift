import Foundation

/// `p2gctl import`: the rows of the four files, through the registry's HTTP API, so that each
/// is validated and announced as any caller's request is. Every row is imported at most once:
/// a community or volunteer is created with the `Idempotency-Key` `p2gctl-import:<sheet>:<key>`
/// (or found, when its key is a registry id, as export writes them), and a partnership's stays
/// and a committee's seats are compared with what the registry holds before any is sent. A
/// second run reports every row as already present.
public struct RegistryImport: Sendable {
    /// One file to import: which sheet it is, its name as the report shows it, and its text.
    public struct Source: Sendable {
        public var sheet: RegistrySheet
        public var file: String
        public var text: String

        public init(sheet: RegistrySheet, file: String, text: String) {
            self.sheet = sheet
            self.file = file
            self.text = text
        }
    }

    let client: RegistryClient
    let window: RequestWindow
    let progress: ImportProgress

    /// An import through `client`, with `inFlight` requests at most at once.
    public init(client: RegistryClient, inFlight: Int = 8, progress: ImportProgress = .silent) {
        self.client = client
        self.window = RequestWindow(width: inFlight)
        self.progress = progress
    }

    /// Imports the files, communities first, then partnerships and volunteers, then
    /// committees. A file that is not CSV, or lacks a column, stops the import before anything
    /// is sent; a bad row is reported and the others go on.
    public func run(_ sources: [Source]) async throws -> ImportReport {
        var sheets: [RegistrySheet: (file: String, rows: [CSVSheet.Row])] = [:]
        for source in sources {
            do {
                sheets[source.sheet] = (source.file, try CSVSheet(source.text, requiredColumns: source.sheet.requiredColumns).rows)
            } catch {
                throw OperatorError("\(source.file): \(error)")
            }
        }
        var report = ImportReport()
        var communities = KeyIndex(what: "community", file: RegistrySheet.communities.fileName)
        var sides: [String: String] = [:]
        if let (file, rows) = sheets[.communities] {
            let (fileReport, index, known) = try await importCommunities(rows, file: file)
            report.files.append(fileReport)
            communities = index
            sides = known
        }
        var partnerships = KeyIndex(what: "partnership", file: RegistrySheet.partnerships.fileName)
        if let (file, rows) = sheets[.partnerships] {
            let (fileReport, index) = try await importPartnerships(rows, file: file, communities: communities, sides: sides)
            report.files.append(fileReport)
            partnerships = index
        }
        var volunteers = KeyIndex(what: "volunteer", file: RegistrySheet.volunteers.fileName)
        if let (file, rows) = sheets[.volunteers] {
            let (fileReport, index) = try await importVolunteers(rows, file: file, communities: communities)
            report.files.append(fileReport)
            volunteers = index
        }
        if let (file, rows) = sheets[.committees] {
            report.files.append(try await importCommittees(rows, file: file, partnerships: partnerships, volunteers: volunteers))
        }
        return report
    }

    /// The outcome of a creating request: created, found by its key, or refused.
    static func outcome(of answer: RegistryClient.Answer) -> RowOutcome {
        switch answer.status {
        case 201: .imported
        case 200: .alreadyPresent
        case 500...: .rejected("the registry failed (HTTP \(answer.status)): \(answer.problem); run the import again")
        default: .rejected(answer.problem)
        }
    }

    /// Rows with a key, each key once: a later row with a key seen before is rejected.
    static func keyed<Row>(
        _ rows: [CSVSheet.Row], read: (CSVSheet.Row) -> Result<Row, ImportRejection>, key: (Row) -> String
    ) -> (rows: [Row], rejected: [(Int, RowOutcome)], lines: [String: Int]) {
        var accepted: [Row] = []
        var rejected: [(Int, RowOutcome)] = []
        var lines: [String: Int] = [:]
        for row in rows {
            switch read(row) {
            case .failure(let rejection): rejected.append((row.line, .rejected(rejection.reason)))
            case .success(let value):
                if let first = lines[key(value)] {
                    rejected.append((row.line, .rejected("the key \(key(value)) is used on line \(first) already")))
                } else {
                    lines[key(value)] = row.line
                    accepted.append(value)
                }
            }
        }
        return (accepted, rejected, lines)
    }

    static func report(_ file: String, _ outcomes: [(Int, RowOutcome)]) -> ImportReport.FileReport {
        var report = ImportReport.FileReport(file: file)
        for (line, outcome) in outcomes.sorted(by: { $0.0 < $1.0 }) { report.record(line: line, outcome) }
        return report
    }

    /// The side a community of `kind` is on.
    static func side(ofKind kind: String?) -> String? {
        switch kind {
        case "israeliLocality": "israeli"
        case "globalCommunity": "global"
        default: nil
        }
    }

    func importCommunities(_ rows: [CSVSheet.Row], file: String) async throws -> (
        ImportReport.FileReport, KeyIndex, sides: [String: String]
    ) {
        progress.start(file, rows: rows.count)
        let (valid, rejected, lines) = Self.keyed(rows, read: CommunityRow.read, key: \.key)
        for _ in rejected { progress.advance() }
        let client = client
        let progress = progress
        let results = try await window.map(valid) { row -> (Int, String, RowOutcome, RegistryWire.Community?) in
            defer { progress.advance() }
            if let id = KeyIndex.registryID(row.key) {
                let answer = try await client.send("GET", "/communities/\(id)")
                if answer.status == 200 {
                    return (row.line, row.key, .alreadyPresent, try answer.decode(RegistryWire.Community.self, "GET /communities/\(id)"))
                }
            }
            let answer = try await client.send(
                "POST", "/communities", body: row.body, idempotencyKey: "p2gctl-import:community:\(row.key)")
            let outcome = Self.outcome(of: answer)
            guard outcome != .imported && outcome != .alreadyPresent else {
                return (row.line, row.key, outcome, try answer.decode(RegistryWire.Community.self, "POST /communities"))
            }
            return (row.line, row.key, outcome, nil)
        }
        progress.finish()
        var index = KeyIndex(what: "community", file: file)
        index.lines = lines
        var sides: [String: String] = [:]
        for (_, key, _, community) in results {
            guard let community, let id = community.id else { continue }
            index.ids[key] = id
            sides[id] = Self.side(ofKind: community.kind)
        }
        return (Self.report(file, rejected + results.map { ($0.0, $0.2) }), index, sides)
    }

    func importVolunteers(_ rows: [CSVSheet.Row], file: String, communities: KeyIndex) async throws -> (ImportReport.FileReport, KeyIndex) {
        progress.start(file, rows: rows.count)
        let (valid, rejected, lines) = Self.keyed(rows, read: VolunteerRow.read, key: \.key)
        for _ in rejected { progress.advance() }
        let client = client
        let progress = progress
        let results = try await window.map(valid) { row -> (Int, String, RowOutcome, String?) in
            defer { progress.advance() }
            if let id = KeyIndex.registryID(row.key) {
                let answer = try await client.send("GET", "/volunteers/\(id)")
                if answer.status == 200 { return (row.line, row.key, .alreadyPresent, id) }
            }
            var body = row.body
            switch communities.resolve(row.homeCommunity) {
            case .success(let id): body.homeCommunityId = id
            case .failure(let rejection): return (row.line, row.key, .rejected("home_community: \(rejection.reason)"), nil)
            }
            let answer = try await client.send("POST", "/volunteers", body: body, idempotencyKey: "p2gctl-import:volunteer:\(row.key)")
            let outcome = Self.outcome(of: answer)
            guard outcome != .imported && outcome != .alreadyPresent else {
                return (row.line, row.key, outcome, try answer.decode(RegistryWire.Volunteer.self, "POST /volunteers").id)
            }
            return (row.line, row.key, outcome, nil)
        }
        progress.finish()
        var index = KeyIndex(what: "volunteer", file: file)
        index.lines = lines
        for (_, key, _, id) in results { if let id { index.ids[key] = id } }
        return (Self.report(file, rejected + results.map { ($0.0, $0.2) }), index)
    }
}
