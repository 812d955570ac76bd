import Contracts
import Foundation

extension RegistryImport {
    /// The rows of one partnership, checked against one another.
    struct PartnershipRows: Sendable {
        var key: String
        var first: PartnershipStayRow
        /// The stays to send, each with its community's id and side, in the order they began.
        var stays: [(row: PartnershipStayRow, communityId: String, side: String)]
    }

    func importPartnerships(_ rows: [CSVSheet.Row], file: String, communities: KeyIndex, sides known: [String: String]) async throws -> (
        ImportReport.FileReport, KeyIndex
    ) {
        progress.start(file, rows: rows.count)
        var outcomes: [(Int, RowOutcome)] = []
        var groups: [String: [PartnershipStayRow]] = [:]
        var order: [String] = []
        var lines: [String: Int] = [:]
        for row in rows {
            switch PartnershipStayRow.read(row) {
            case .failure(let rejection):
                outcomes.append((row.line, .rejected(rejection.reason)))
                progress.advance()
            case .success(let stay):
                if groups[stay.partnership] == nil {
                    order.append(stay.partnership)
                    lines[stay.partnership] = stay.line
                }
                groups[stay.partnership, default: []].append(stay)
            }
        }
        // The side of each community named by an id of the registry rather than a key of the file.
        var sides = known
        let unknown = Set(
            groups.values.joined().compactMap { row -> String? in
                guard case .success(let id) = communities.resolve(row.community), known[id] == nil else { return nil }
                return id
            })
        let client = client
        for (id, side) in try await window.map(
            Array(unknown),
            { id -> (String, String?) in
                let answer = try await client.send("GET", "/communities/\(id)")
                guard answer.status == 200 else { return (id, nil) }
                return (id, Self.side(ofKind: try answer.decode(RegistryWire.Community.self, "GET /communities/\(id)").kind))
            })
        {
            if let side { sides[id] = side }
        }

        var prepared: [PartnershipRows] = []
        for key in order {
            guard let group = groups[key], let first = group.first else { continue }
            var stays: [(PartnershipStayRow, String, String)] = []
            var seen: [String: Int] = [:]
            for row in group {
                if let field = row.differs(from: first) {
                    outcomes.append(
                        (row.line, .rejected("\(field) differs from line \(first.line), where partnership \(key) is first written")))
                    continue
                }
                let id: String
                switch communities.resolve(row.community) {
                case .success(let value): id = value
                case .failure(let rejection):
                    outcomes.append((row.line, .rejected("community: \(rejection.reason)")))
                    continue
                }
                guard let side = sides[id] else {
                    outcomes.append((row.line, .rejected("community: no community has the id \(id)")))
                    continue
                }
                let stayKey = "\(id) \(row.joinedOn)"
                if let line = seen[stayKey] {
                    outcomes.append((row.line, .rejected("repeats line \(line): the same community joining on the same day")))
                    continue
                }
                seen[stayKey] = row.line
                stays.append((row, id, side))
            }
            for _ in 0..<(group.count - stays.count) { progress.advance() }
            stays.sort { ($0.0.joinedOn, $0.0.line) < ($1.0.joinedOn, $1.0.line) }
            if !stays.isEmpty { prepared.append(PartnershipRows(key: key, first: first, stays: stays)) }
        }

        let results = try await window.map(prepared) { group in try await importPartnership(group) }
        var index = KeyIndex(what: "partnership", file: file)
        index.lines = lines
        for (group, result) in zip(prepared, results) {
            outcomes += result.outcomes
            if let id = result.id { index.ids[group.key] = id }
        }
        progress.finish()
        return (Self.report(file, outcomes), index)
    }

    /// Forms the partnership (or finds it), then records each stay it does not hold yet, in
    /// the order they began.
    func importPartnership(_ group: PartnershipRows) async throws -> (outcomes: [(Int, RowOutcome)], id: String?) {
        var outcomes: [(Int, RowOutcome)] = []
        func done(_ line: Int, _ outcome: RowOutcome) {
            outcomes.append((line, outcome))
            progress.advance()
        }
        var stays = group.stays
        var history: RegistryWire.Partnership?
        var formedLines: Set<Int> = []
        if let id = KeyIndex.registryID(group.key) {
            let answer = try await client.send("GET", "/partnerships/\(id)")
            if answer.status == 200 { history = try answer.decode(RegistryWire.Partnership.self, "GET /partnerships/\(id)") }
        }
        // A formation the registry refuses for some of its members is sent again without them.
        var attempts = 0
        while history == nil {
            attempts += 1
            let members = Self.founders(stays, formedOn: group.first.formedOn)
            let formation = RegistryWire.PartnershipFormation(
                name: group.first.name, names: group.first.names, program: group.first.program, formedOn: group.first.formedOn,
                israeli: members.filter { $0.side == "israeli" }.map {
                    .init(communityId: $0.communityId, joinedOn: $0.row.joinedOn.description)
                },
                global: members.filter { $0.side == "global" }.map {
                    .init(communityId: $0.communityId, joinedOn: $0.row.joinedOn.description)
                })
            let answer = try await client.send(
                "POST", "/partnerships", body: formation, idempotencyKey: "p2gctl-import:partnership:\(group.key)")
            switch Self.outcome(of: answer) {
            case .imported:
                history = try answer.decode(RegistryWire.Partnership.self, "POST /partnerships")
                formedLines = Set(members.map(\.row.line))
            case .alreadyPresent:
                history = try answer.decode(RegistryWire.Partnership.self, "POST /partnerships")
            case .rejected(let reason):
                let blamed = Self.blamedMembers(
                    answer, israeli: members.filter { $0.side == "israeli" }, global: members.filter { $0.side == "global" })
                guard answer.status == 422, !blamed.isEmpty, attempts < 5 else {
                    for stay in stays { done(stay.row.line, .rejected("the partnership cannot be formed: \(reason)")) }
                    return (outcomes, nil)
                }
                for (line, why) in blamed { done(line, .rejected(why)) }
                stays.removeAll { blamed[$0.row.line] != nil }
                if stays.isEmpty { return (outcomes, nil) }
            }
        }
        guard let history else { return (outcomes, nil) }
        let id = history.id
        for stay in stays {
            let joinedOn = stay.row.joinedOn.description
            let leftOn = stay.row.leftOn?.description
            if let held = history.stays.first(where: { $0.communityId == stay.communityId && $0.joinedOn == joinedOn }) {
                let formedNow = formedLines.contains(stay.row.line)
                if held.leftOn == leftOn {
                    done(stay.row.line, formedNow ? .imported : .alreadyPresent)
                } else if held.leftOn == nil, let leftOn {
                    done(stay.row.line, try await leave(id, stay.communityId, on: leftOn, after: nil))
                } else {
                    done(
                        stay.row.line,
                        .rejected(
                            "the registry has this stay ending \(held.leftOn.map { "on \($0)" } ?? "never"), the file \(leftOn.map { "on \($0)" } ?? "without an end")"
                        ))
                }
                continue
            }
            let answer = try await client.send(
                "POST", "/partnerships/\(id)/members", body: RegistryWire.Membership(communityId: stay.communityId, joinedOn: joinedOn))
            guard answer.status == 201 else {
                done(stay.row.line, Self.refusal(answer))
                continue
            }
            if let leftOn {
                done(stay.row.line, try await leave(id, stay.communityId, on: leftOn, after: "joined on \(joinedOn), but"))
            } else {
                done(stay.row.line, .imported)
            }
        }
        return (outcomes, id)
    }

    /// Ends a community's stay: imported, or why not.
    func leave(_ partnership: String, _ community: String, on leftOn: String, after prefix: String?) async throws -> RowOutcome {
        let answer = try await client.send(
            "POST", "/partnerships/\(partnership)/departures", body: RegistryWire.Membership(communityId: community, leftOn: leftOn))
        guard answer.status == 200 else {
            guard case .rejected(let reason) = Self.refusal(answer) else { return .imported }
            return .rejected([prefix, "its departure was refused: \(reason)"].compactMap { $0 }.joined(separator: " "))
        }
        return .imported
    }

    static func refusal(_ answer: RegistryClient.Answer) -> RowOutcome {
        answer.status >= 500
            ? .rejected("the registry failed (HTTP \(answer.status)): \(answer.problem); run the import again") : .rejected(answer.problem)
    }

    /// The stays a partnership is formed with: the first of each community that began on the
    /// day it was formed (`formed_on`, or the earliest day a community joined), and on a side
    /// that has none then, the first stay of that side. The others join afterwards.
    static func founders(
        _ stays: [(row: PartnershipStayRow, communityId: String, side: String)], formedOn: String?
    ) -> [(row: PartnershipStayRow, communityId: String, side: String)] {
        var firsts: [(row: PartnershipStayRow, communityId: String, side: String)] = []
        var seen: Set<String> = []
        for stay in stays where seen.insert(stay.communityId).inserted { firsts.append(stay) }
        guard let start = formedOn.flatMap(CalendarDate.init(parsing:)) ?? firsts.map(\.row.joinedOn).min() else { return [] }
        var founders = firsts.filter { $0.row.joinedOn == start }
        for side in ["israeli", "global"] where !founders.contains(where: { $0.side == side }) {
            if let earliest = firsts.first(where: { $0.side == side }) { founders.append(earliest) }
        }
        return founders
    }

    /// The rows a refused formation blames, by line: its problem's `israeli[2].joinedOn` is
    /// the third Israeli member sent.
    static func blamedMembers(
        _ answer: RegistryClient.Answer, israeli: [(row: PartnershipStayRow, communityId: String, side: String)],
        global: [(row: PartnershipStayRow, communityId: String, side: String)]
    ) -> [Int: String] {
        guard let problem = try? JSONDecoder().decode(RegistryWire.Problem.self, from: answer.body) else { return [:] }
        var blamed: [Int: String] = [:]
        for param in problem.invalidParams ?? [] {
            let scanner = param.name.split(separator: "[", maxSplits: 1)
            guard scanner.count == 2, let close = scanner[1].firstIndex(of: "]"), let index = Int(scanner[1][..<close]) else {
                return [:]
            }
            let members = scanner[0] == "israeli" ? israeli : scanner[0] == "global" ? global : []
            guard index < members.count else { return [:] }
            let field = scanner[1][scanner[1].index(after: close)...].drop { $0 == "." }
            let line = members[index].row.line
            blamed[line] = [blamed[line], "\(field.isEmpty ? "community" : String(field)): \(param.reason)"].compactMap { $0 }.joined(
                separator: "; ")
        }
        return blamed
    }
}
