/// Forms the joint team of each pairing: seats for the Israeli community, the global community
/// and the Jewish Agency, filled by people with the right affiliation and role, all sharing at
/// least one language, none serving on more teams than allowed.
///
/// Pairings are staffed one at a time in pair order (a greedy choice: a person's limit is used
/// up by earlier pairs first). For each pairing the team chosen has the longest common working
/// window; ties go to the team whose members serve on fewer teams so far, then to the earlier
/// language code, then to lower person ids. The search is exact for one team: members of a
/// delegation matter only through the window they share, so each delegation contributes one
/// least-loaded choice per distinct window. With an interpreter available, a pairing whose
/// delegations share no language still gets the team with the longest common window.
public enum JointTeamFormation {
    /// Forms a team for each of `pairs`.
    ///
    /// - Throws: `PairingInputError` for inconsistent input: duplicate person ids or pairs,
    ///   negative limits or team counts, fewer than one seat, invalid offsets or hours.
    public static func run(
        pairs: [CommunityPair], candidates: [TeamCandidate],
        rules: JointTeamRules = JointTeamRules()
    ) throws -> TeamFormationResult {
        try validate(rules)
        let people = candidates.sorted { $0.id < $1.id }
        try validate(people)
        let sortedPairs = pairs.sorted()
        for (earlier, later) in zip(sortedPairs, sortedPairs.dropFirst()) where earlier == later {
            throw PairingInputError(
                .duplicatePair, "pair \(later) is listed twice for team formation")
        }

        let windows = people.map {
            WorkingWindow(hours: rules.workingHours, offset: $0.utcOffset)
        }
        let limits = people.map { $0.teamLimit ?? rules.teamsPerPerson }
        var served = people.map(\.currentTeams)
        var teams: [JointTeam] = []
        var failures: [TeamFormationFailure] = []

        for pair in sortedPairs {
            var groups: [[Int]] = []
            var failure: TeamFormationFailure?
            for delegation in TeamDelegation.allCases {
                let eligible = people.indices.filter {
                    isEligible(people[$0], for: delegation, of: pair, rules: rules)
                }
                if eligible.count < rules.seatsPerDelegation {
                    failure = TeamFormationFailure(
                        pair: pair, rule: .eligibleRole, delegation: delegation,
                        message: "\(delegation.rawValue) delegation needs "
                            + "\(rules.seatsPerDelegation) people with an eligible role, "
                            + "\(eligible.count) found")
                    break
                }
                let available = eligible.filter { served[$0] < limits[$0] }
                if available.count < rules.seatsPerDelegation {
                    failure = TeamFormationFailure(
                        pair: pair, rule: .teamLimit, delegation: delegation,
                        message: "\(delegation.rawValue) delegation needs "
                            + "\(rules.seatsPerDelegation) people; \(eligible.count) are eligible "
                            + "but only \(available.count) serve on fewer teams than their limit")
                    break
                }
                groups.append(available)
            }
            if let failure {
                failures.append(failure)
                continue
            }

            guard
                let best = bestTeam(
                    groups: groups, people: people, windows: windows, served: served,
                    seats: rules.seatsPerDelegation, interpreterAvailable: rules.interpreterAvailable)
            else {
                let spoken = zip(TeamDelegation.allCases, groups).map { delegation, group in
                    let languages = Set(group.flatMap { people[$0].languages }).sorted()
                    return "\(delegation.rawValue) speaks "
                        + (languages.isEmpty
                            ? "nothing listed" : languages.map(\.code).joined(separator: ", "))
                }
                failures.append(
                    TeamFormationFailure(
                        pair: pair, rule: .sharedLanguage, delegation: nil,
                        message: "no language is spoken by \(rules.seatsPerDelegation) available "
                            + "people of every delegation (" + spoken.joined(separator: "; ")
                            + ")"))
                continue
            }

            var shared: Set<LanguageCode>?
            for person in best.members.joined() {
                served[person] += 1
                shared = shared?.intersection(people[person].languages) ?? people[person].languages
            }
            let ids = best.members.map { $0.map { people[$0].id } }
            teams.append(
                JointTeam(
                    pair: pair, israeliRepresentatives: ids[0], globalRepresentatives: ids[1],
                    agencyRepresentatives: ids[2], sharedLanguages: (shared ?? []).sorted(),
                    commonWorkingMinutes: best.minutes))
        }
        return TeamFormationResult(teams: teams, failures: failures)
    }

    private struct Choice {
        var window: WorkingWindow
        var load: Int
        var members: [Int]
    }

    private struct Team {
        var minutes: Int
        var load: Int
        var members: [[Int]]
    }

    private static func isEligible(
        _ person: TeamCandidate, for delegation: TeamDelegation, of pair: CommunityPair,
        rules: JointTeamRules
    ) -> Bool {
        switch delegation {
        case .israeliCommunity:
            person.affiliation == .community(pair.impacted)
                && !person.roles.isDisjoint(with: rules.communityRoles)
        case .globalCommunity:
            person.affiliation == .community(pair.supporting)
                && !person.roles.isDisjoint(with: rules.communityRoles)
        case .jewishAgency:
            person.affiliation == .jewishAgency && !person.roles.isDisjoint(with: rules.agencyRoles)
        }
    }

    /// The best team over every language that each delegation can field; failing that, with
    /// an interpreter available, the best team of all; `nil` if none can be formed.
    private static func bestTeam(
        groups: [[Int]], people: [TeamCandidate], windows: [WorkingWindow], served: [Int],
        seats: Int, interpreterAvailable: Bool
    ) -> Team? {
        let languages = Set(groups.flatMap { $0.flatMap { people[$0].languages } }).sorted()
        var best: Team?
        for language in languages {
            let speakers = groups.map { group in
                group.filter { people[$0].languages.contains(language) }
            }
            best = bestTeam(from: speakers, seats: seats, windows: windows, served: served, over: best)
        }
        if best == nil && interpreterAvailable {
            best = bestTeam(from: groups, seats: seats, windows: windows, served: served, over: nil)
        }
        return best
    }

    /// The best team drawn from `candidates` (one group per delegation), if better than `best`.
    private static func bestTeam(
        from candidates: [[Int]], seats: Int, windows: [WorkingWindow], served: [Int], over best: Team?
    ) -> Team? {
        guard candidates.allSatisfy({ $0.count >= seats }) else { return best }
        var best = best
        let options = candidates.map {
            choicesByWindow(of: $0, seats: seats, windows: windows, served: served)
        }
        for first in options[0] {
            for second in options[1] {
                let firstTwo = first.window.intersection(second.window)
                for third in options[2] {
                    let team = Team(
                        minutes: firstTwo.intersection(third.window).minuteCount,
                        load: first.load + second.load + third.load,
                        members: [first.members, second.members, third.members])
                    if best.map({ isBetter(team, than: $0) }) ?? true {
                        best = team
                    }
                }
            }
        }
        return best
    }

    /// Strictly better only, so that earlier languages and earlier choices win ties.
    private static func isBetter(_ team: Team, than other: Team) -> Bool {
        if team.minutes != other.minutes { return team.minutes > other.minutes }
        return team.load < other.load
    }

    /// For each distinct common window that `seats` of `group` can share, the choice with the
    /// lowest total load (then the lowest ids), in the order the windows are first met.
    private static func choicesByWindow(
        of group: [Int], seats: Int, windows: [WorkingWindow], served: [Int]
    ) -> [Choice] {
        var choices: [Choice] = []
        var position: [WorkingWindow: Int] = [:]
        var combination = Array(0..<seats)
        while true {
            let members = combination.map { group[$0] }
            let window = members.dropFirst().reduce(windows[members[0]]) {
                $0.intersection(windows[$1])
            }
            let load = members.reduce(0) { $0 + served[$1] }
            if let existing = position[window] {
                if load < choices[existing].load {
                    choices[existing] = Choice(window: window, load: load, members: members)
                }
            } else {
                position[window] = choices.count
                choices.append(Choice(window: window, load: load, members: members))
            }

            // Next combination in lexicographic order of positions.
            var slot = seats - 1
            while slot >= 0 && combination[slot] == group.count - seats + slot {
                slot -= 1
            }
            guard slot >= 0 else { break }
            combination[slot] += 1
            for later in (slot + 1)..<seats {
                combination[later] = combination[later - 1] + 1
            }
        }
        return choices
    }

    private static func validate(_ rules: JointTeamRules) throws {
        guard rules.seatsPerDelegation >= 1 else {
            throw PairingInputError(
                .invalidTeamRule,
                "seats per delegation must be at least 1, got \(rules.seatsPerDelegation)")
        }
        guard rules.teamsPerPerson >= 0 else {
            throw PairingInputError(
                .invalidTeamRule,
                "teams per person must not be negative, got \(rules.teamsPerPerson)")
        }
        guard !rules.communityRoles.isEmpty, !rules.agencyRoles.isEmpty else {
            throw PairingInputError(
                .invalidTeamRule, "community roles and agency roles must each name a role")
        }
        guard rules.workingHours.isValid else {
            throw PairingInputError(
                .invalidWorkingHours,
                "working hours \(rules.workingHours.startMinute)-\(rules.workingHours.endMinute) "
                    + "must be distinct minutes within a day")
        }
    }

    private static func validate(_ people: [TeamCandidate]) throws {
        for (earlier, later) in zip(people, people.dropFirst()) where earlier.id == later.id {
            throw PairingInputError(
                .duplicateID, "person id '\(later.id)' appears twice among the team candidates")
        }
        for person in people {
            guard !person.id.rawValue.isEmpty else {
                throw PairingInputError(.invalidParameter, "a team candidate has an empty id")
            }
            guard person.currentTeams >= 0 else {
                throw PairingInputError(
                    .invalidParameter,
                    "person '\(person.id)' serves on \(person.currentTeams) teams; the number "
                        + "must not be negative")
            }
            if let limit = person.teamLimit, limit < 0 {
                throw PairingInputError(
                    .invalidParameter,
                    "person '\(person.id)' has a team limit of \(limit); it must not be negative")
            }
            guard UTCOffset.validMinutes.contains(person.utcOffset.minutes) else {
                throw PairingInputError(
                    .invalidUTCOffset,
                    "person '\(person.id)' has a UTC offset of \(person.utcOffset.minutes) "
                        + "minutes; offsets run from -720 to +840")
            }
            if person.languages.contains(where: { $0.code.isEmpty }) {
                throw PairingInputError(
                    .invalidLanguage, "person '\(person.id)' lists an empty language code")
            }
        }
    }
}
