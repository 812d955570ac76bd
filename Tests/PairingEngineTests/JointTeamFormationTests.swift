import PairingEngine
import TestSupport
import Testing

@Suite("Joint teams")
struct JointTeamFormationTests {
    static let pair = CommunityPair(impacted: "negev-01", supporting: "boston")

    static func person(
        _ id: PersonID, _ affiliation: Affiliation, _ roles: Set<PersonRole>,
        _ languages: Set<LanguageCode>, offset: Int, currentTeams: Int = 0, limit: Int? = nil
    ) -> TeamCandidate {
        TeamCandidate(
            id: id, affiliation: affiliation, roles: roles, languages: languages,
            utcOffset: UTCOffset(minutes: offset), currentTeams: currentTeams, teamLimit: limit)
    }

    static let israeli = Affiliation.community("negev-01")
    static let boston = Affiliation.community("boston")

    static let candidates: [TeamCandidate] = [
        person("il-1", israeli, [.volunteer], [.hebrew], offset: 180),
        person("il-2", israeli, [.volunteer], [.hebrew, .english], offset: 180),
        person("il-3", israeli, [.communityStaff], [.hebrew, .english], offset: 180),
        person("bos-1", boston, [.volunteer], [.english], offset: -240),
        person("bos-2", boston, [.communityStaff], [.english, .hebrew], offset: -240),
        person("ja-melbourne", .jewishAgency, [.agencyStaff], [.english], offset: 600),
        person("ja-jerusalem", .jewishAgency, [.agencyStaff], [.hebrew, .english], offset: 180),
        person("ja-new-york", .jewishAgency, [.agencyStaff], [.english], offset: -240),
    ]

    @Test("forms a team of two per delegation sharing a language, with the longest common hours")
    func formsTeam() throws {
        let result = try JointTeamFormation.run(pairs: [Self.pair], candidates: Self.candidates)
        #expect(result.failures.isEmpty)
        let team = try #require(result.teams.first)
        #expect(team[.israeliCommunity] == ["il-2", "il-3"])
        #expect(team.globalRepresentatives == ["bos-1", "bos-2"])
        // Melbourne shares no working hour with New York; Jerusalem and New York share one.
        #expect(team.agencyRepresentatives == ["ja-jerusalem", "ja-new-york"])
        #expect(team.sharedLanguages == [.english])
        #expect(team.commonWorkingMinutes == 60)
        #expect(team.allMembers.count == 6)
    }

    @Test("says the role rule failed when a delegation lacks eligible people")
    func roleFailure() throws {
        var candidates = Self.candidates.filter { $0.affiliation != Self.israeli }
        candidates.append(Self.person("il-1", Self.israeli, [.volunteer], [.hebrew], offset: 180))
        // Agency staff affiliated with the community do not count for the community's seats.
        candidates.append(
            Self.person("il-x", Self.israeli, [.agencyStaff], [.hebrew], offset: 180))
        let result = try JointTeamFormation.run(pairs: [Self.pair], candidates: candidates)
        let failure = try #require(result.failures.first)
        #expect(result.teams.isEmpty)
        #expect(failure.rule == .eligibleRole)
        #expect(failure.delegation == .israeliCommunity)
        #expect(failure.message.contains("1 found"))
    }

    @Test("respects the limit on teams per person and says when it stops a team")
    func teamLimit() throws {
        let second = CommunityPair(impacted: "negev-02", supporting: "boston")
        var candidates = Self.candidates
        candidates += [
            Self.person("il2-1", .community("negev-02"), [.volunteer], [.english], offset: 180),
            Self.person("il2-2", .community("negev-02"), [.volunteer], [.english], offset: 180),
        ]
        let rules = JointTeamRules(teamsPerPerson: 1)
        let result = try JointTeamFormation.run(
            pairs: [second, Self.pair], candidates: candidates, rules: rules)
        // Pairs are staffed in pair order: negev-01 first takes both Boston people.
        #expect(result.teams.map(\.pair) == [Self.pair])
        let failure = try #require(result.failures.first)
        #expect(failure.pair == second)
        #expect(failure.rule == .teamLimit)
        #expect(failure.delegation == .globalCommunity)

        // With a higher limit both teams form, and nobody serves on more than two.
        let relaxed = try JointTeamFormation.run(
            pairs: [second, Self.pair], candidates: candidates)
        #expect(relaxed.failures.isEmpty)
        let served = Dictionary(grouping: relaxed.teams.flatMap(\.allMembers), by: { $0 })
        #expect(served.values.allSatisfy { $0.count <= 2 })
    }

    @Test("counts current teams and personal limits")
    func currentTeamsCount() throws {
        var candidates = Self.candidates
        for index in candidates.indices where candidates[index].id == "ja-jerusalem" {
            candidates[index].currentTeams = 3
            candidates[index].teamLimit = 3
        }
        let result = try JointTeamFormation.run(pairs: [Self.pair], candidates: candidates)
        let team = try #require(result.teams.first)
        #expect(team[.jewishAgency].contains("ja-jerusalem") == false)
    }

    @Test("says the language rule failed when no language is shared by a full team")
    func languageFailure() throws {
        let candidates = [
            Self.person("il-1", Self.israeli, [.volunteer], [.hebrew], offset: 180),
            Self.person("il-2", Self.israeli, [.volunteer], [.hebrew, .russian], offset: 180),
            Self.person("bos-1", Self.boston, [.volunteer], [.english], offset: -240),
            Self.person("bos-2", Self.boston, [.volunteer], [.english, .russian], offset: -240),
            Self.person("ja-1", .jewishAgency, [.agencyStaff], [.hebrew, .english], offset: 180),
            Self.person("ja-2", .jewishAgency, [.agencyStaff], [.russian], offset: 180),
        ]
        let result = try JointTeamFormation.run(pairs: [Self.pair], candidates: candidates)
        let failure = try #require(result.failures.first)
        #expect(failure.rule == .sharedLanguage)
        #expect(failure.delegation == nil)
        #expect(failure.message.contains("israeliCommunity speaks he, ru"))
    }

    @Test("with an interpreter available, a team that shares no language is formed, with the longest common hours")
    func interpreterAvailable() throws {
        let candidates = [
            Self.person("il-1", Self.israeli, [.volunteer], [.hebrew], offset: 180),
            Self.person("il-2", Self.israeli, [.volunteer], [.hebrew], offset: 180),
            Self.person("bos-1", Self.boston, [.volunteer], [.english], offset: -240),
            Self.person("bos-2", Self.boston, [.volunteer], [.english], offset: -240),
            Self.person("ja-1", .jewishAgency, [.agencyStaff], [.russian], offset: 180),
            Self.person("ja-2", .jewishAgency, [.agencyStaff], [.russian], offset: 180),
            Self.person("ja-tokyo", .jewishAgency, [.agencyStaff], [.russian], offset: 540),
        ]
        let without = try JointTeamFormation.run(pairs: [Self.pair], candidates: candidates)
        #expect(without.failures.first?.rule == .sharedLanguage)
        let result = try JointTeamFormation.run(
            pairs: [Self.pair], candidates: candidates, rules: JointTeamRules(interpreterAvailable: true))
        #expect(result.failures.isEmpty)
        let team = try #require(result.teams.first)
        #expect(team.sharedLanguages.isEmpty)
        #expect(team.agencyRepresentatives == ["ja-1", "ja-2"], "Tokyo shares no office hour with Boston")
        // A shared language still wins over an interpreter when one can be found.
        let shared = try JointTeamFormation.run(
            pairs: [Self.pair], candidates: Self.candidates, rules: JointTeamRules(interpreterAvailable: true))
        #expect(shared.teams.first?.sharedLanguages.isEmpty == false)
    }

    @Test("spreads work: the least-loaded people are chosen when hours are equal")
    func spreadsLoad() throws {
        let pairs = (1...2).map {
            CommunityPair(impacted: CommunityID("negev-0\($0)"), supporting: "boston")
        }
        var candidates = Self.candidates.filter { $0.affiliation != .jewishAgency }
        candidates += [
            Self.person("il2-1", .community("negev-02"), [.volunteer], [.english], offset: 180),
            Self.person("il2-2", .community("negev-02"), [.volunteer], [.english], offset: 180),
        ]
        candidates += (1...4).map {
            Self.person(PersonID("ja-\($0)"), .jewishAgency, [.agencyStaff], [.english], offset: 180)
        }
        let result = try JointTeamFormation.run(pairs: pairs, candidates: candidates)
        #expect(result.teams.map(\.agencyRepresentatives) == [["ja-1", "ja-2"], ["ja-3", "ja-4"]])
    }

    @Test("gives the same teams whatever the order of the candidates")
    func deterministic() throws {
        let first = try JointTeamFormation.run(pairs: [Self.pair], candidates: Self.candidates)
        var generator = SplitMix64(seed: 5)
        for _ in 0..<5 {
            let shuffled = Self.candidates.shuffled(using: &generator)
            #expect(try JointTeamFormation.run(pairs: [Self.pair], candidates: shuffled) == first)
        }
    }

    @Test("forms the teams of a whole Communities2Gether result")
    func teamsForResult() throws {
        let result = try OptimalPairing.run(Fixtures.communities2Gether(supportingCount: 80))
        var candidates: [TeamCandidate] = []
        for community in Set(result.pairs.map(\.impacted)).sorted() {
            for index in 1...2 {
                candidates.append(
                    Self.person(
                        PersonID("\(community)-\(index)"), .community(community),
                        [.volunteer], [.hebrew, .english], offset: 180))
            }
        }
        for community in Set(result.pairs.map(\.supporting)).sorted() {
            for index in 1...2 {
                candidates.append(
                    Self.person(
                        PersonID("\(community)-\(index)"), .community(community),
                        [.volunteer], [.english], offset: -240))
            }
        }
        candidates += (1...25).map {
            Self.person(
                PersonID("ja-\($0)"), .jewishAgency, [.agencyStaff], [.hebrew, .english],
                offset: 180)
        }
        let teams = try JointTeamFormation.run(pairs: result.pairs, candidates: candidates)
        #expect(teams.failures.isEmpty)
        #expect(teams.teams.count == 25)
        let served = Dictionary(grouping: teams.teams.flatMap(\.allMembers), by: { $0 })
        #expect(served.values.allSatisfy { $0.count <= 2 })
    }

    @Test("bad input is a thrown error")
    func badInput() {
        #expect(throws: PairingInputError.self) {
            try JointTeamFormation.run(
                pairs: [Self.pair], candidates: Self.candidates + [Self.candidates[0]])
        }
        #expect(throws: PairingInputError.self) {
            try JointTeamFormation.run(
                pairs: [Self.pair], candidates: Self.candidates,
                rules: JointTeamRules(seatsPerDelegation: 0))
        }
        #expect(throws: PairingInputError.self) {
            try JointTeamFormation.run(
                pairs: [Self.pair],
                candidates: [
                    Self.person("p", Self.israeli, [.volunteer], [.hebrew], offset: 180, currentTeams: -1)
                ])
        }
        #expect(throws: PairingInputError.self) {
            try JointTeamFormation.run(pairs: [Self.pair, Self.pair], candidates: Self.candidates)
        }
    }
}
