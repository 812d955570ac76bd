/// The rules a joint team must follow.
public struct JointTeamRules: Hashable, Sendable {
    /// Seats per delegation; two in Communities2Gether.
    public var seatsPerDelegation: Int
    /// Roles that qualify a community member for their community's delegation.
    public var communityRoles: Set<PersonRole>
    /// Roles that qualify Jewish Agency staff for the Agency's delegation.
    public var agencyRoles: Set<PersonRole>
    /// How many teams one person may serve on, counting their current teams.
    public var teamsPerPerson: Int
    /// Local working hours, for the time of day when the whole team can meet.
    public var workingHours: WorkingHours
    /// Whether an interpreter is at hand: a team that shares no language is then formed anyway
    /// (with no shared language), when no team that shares one can be.
    public var interpreterAvailable: Bool

    public init(
        seatsPerDelegation: Int = 2, communityRoles: Set<PersonRole> = [.volunteer, .communityStaff],
        agencyRoles: Set<PersonRole> = [.agencyStaff], teamsPerPerson: Int = 2,
        workingHours: WorkingHours = .office, interpreterAvailable: Bool = false
    ) {
        self.interpreterAvailable = interpreterAvailable
        self.seatsPerDelegation = seatsPerDelegation
        self.communityRoles = communityRoles
        self.agencyRoles = agencyRoles
        self.teamsPerPerson = teamsPerPerson
        self.workingHours = workingHours
    }
}
