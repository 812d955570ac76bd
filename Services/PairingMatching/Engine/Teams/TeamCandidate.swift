/// A volunteer or staff member who could sit on joint teams.
public struct TeamCandidate: Hashable, Sendable, Identifiable {
    public var id: PersonID
    public var affiliation: Affiliation
    public var roles: Set<PersonRole>
    public var languages: Set<LanguageCode>
    /// Offset from UTC on the reference date.
    public var utcOffset: UTCOffset
    /// Teams the person already serves on from earlier decisions; they count towards the limit.
    public var currentTeams: Int
    /// A personal limit on teams, replacing the rules' limit for this person.
    public var teamLimit: Int?

    public init(
        id: PersonID, affiliation: Affiliation, roles: Set<PersonRole>,
        languages: Set<LanguageCode>, utcOffset: UTCOffset, currentTeams: Int = 0,
        teamLimit: Int? = nil
    ) {
        self.id = id
        self.affiliation = affiliation
        self.roles = roles
        self.languages = languages
        self.utcOffset = utcOffset
        self.currentTeams = currentTeams
        self.teamLimit = teamLimit
    }
}
