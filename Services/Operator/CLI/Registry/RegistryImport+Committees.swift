import Foundation

extension RegistryImport {
    func importCommittees(_ rows: [CSVSheet.Row], file: String, partnerships: KeyIndex, volunteers: KeyIndex) async throws
        -> ImportReport.FileReport
    {
        progress.start(file, rows: rows.count)
        var outcomes: [(Int, RowOutcome)] = []
        var groups: [String: [CommitteeSeatRow]] = [:]
        var order: [String] = []
        for row in rows {
            switch CommitteeSeatRow.read(row) {
            case .failure(let rejection):
                outcomes.append((row.line, .rejected(rejection.reason)))
                progress.advance()
            case .success(let seat):
                switch partnerships.resolve(seat.partnership) {
                case .failure(let rejection):
                    outcomes.append((row.line, .rejected("partnership: \(rejection.reason)")))
                    progress.advance()
                case .success(let id):
                    if groups[id] == nil { order.append(id) }
                    groups[id, default: []].append(seat)
                }
            }
        }
        let work = order.map { ($0, groups[$0] ?? []) }
        let results = try await window.map(work) { partnership, seats in
            try await importCommittees(of: partnership, seats, volunteers: volunteers)
        }
        progress.finish()
        return Self.report(file, outcomes + results.joined())
    }

    /// One partnership's committees and seats: each committee formed unless the registry has
    /// one of its name, each seat taken unless the registry holds it (the same volunteer, role
    /// and start), or given the end the file has.
    func importCommittees(of partnership: String, _ rows: [CommitteeSeatRow], volunteers: KeyIndex) async throws -> [(Int, RowOutcome)] {
        var outcomes: [(Int, RowOutcome)] = []
        func done(_ line: Int, _ outcome: RowOutcome) {
            outcomes.append((line, outcome))
            progress.advance()
        }
        let path = "/partnerships/\(partnership)/committees"
        let listed = try await client.send("GET", path)
        guard listed.status == 200 else {
            for row in rows {
                done(
                    row.line,
                    .rejected("partnership: \(listed.status == 404 ? "no partnership has the id \(partnership)" : listed.problem)"))
            }
            return outcomes
        }
        var committees = try listed.decode(RegistryWire.CommitteeList.self, "GET \(path)").committees
        var formedBy: [String: Int] = [:]
        for row in rows {
            var index = committees.firstIndex {
                row.isJointSteering ? $0.kind == "jointSteering" : $0.name.lowercased() == row.committee.lowercased()
            }
            if index == nil {
                let answer = try await client.send(
                    "POST", path, body: RegistryWire.CommitteeFormation(name: row.committee, names: row.names))
                guard answer.status == 201 else {
                    done(row.line, .rejected("committee: \(Self.refusal(answer).reason)"))
                    continue
                }
                committees.append(try answer.decode(RegistryWire.Committee.self, "POST \(path)"))
                index = committees.count - 1
                formedBy[row.committee.lowercased()] = row.line
            }
            guard let index else { continue }
            let committee = committees[index]
            guard let volunteerKey = row.volunteer else {
                done(row.line, formedBy[row.committee.lowercased()] == row.line ? .imported : .alreadyPresent)
                continue
            }
            let volunteer: String
            switch volunteers.resolve(volunteerKey) {
            case .success(let id): volunteer = id
            case .failure(let rejection):
                done(row.line, .rejected("volunteer: \(rejection.reason)"))
                continue
            }
            let termStart = row.termStart?.description
            let termEnd = row.termEnd?.description
            if let held = committee.seats.first(where: { $0.volunteerId == volunteer && $0.role == row.role && $0.termStart == termStart })
            {
                if held.termEnd == termEnd {
                    done(row.line, .alreadyPresent)
                } else if let termEnd, held.termEnd == nil || (held.termEnd ?? "") > termEnd {
                    let answer = try await client.send(
                        "POST", "\(path)/\(committee.id)/departures", body: RegistryWire.SeatEnding(seatId: held.seatId, termEnd: termEnd))
                    done(row.line, answer.status == 200 ? .imported : .rejected("term_end: \(Self.refusal(answer).reason)"))
                } else {
                    done(
                        row.line,
                        .rejected(
                            "the registry has this seat's term ending \(held.termEnd.map { "on \($0)" } ?? "never"), the file \(termEnd.map { "on \($0)" } ?? "without an end")"
                        ))
                }
                continue
            }
            let answer = try await client.send(
                "POST", "\(path)/\(committee.id)/members",
                body: RegistryWire.SeatRequest(volunteerId: volunteer, role: row.role, termStart: termStart, termEnd: termEnd))
            done(row.line, answer.status == 201 ? .imported : Self.refusal(answer))
        }
        return outcomes
    }
}

extension RowOutcome {
    /// The reason of a rejection; empty otherwise.
    var reason: String {
        if case .rejected(let reason) = self { return reason }
        return ""
    }
}
