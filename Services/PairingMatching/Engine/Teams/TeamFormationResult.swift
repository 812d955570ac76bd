/// Teams formed for a set of pairings, and the pairings whose team could not be formed.
public struct TeamFormationResult: Hashable, Sendable {
    /// In pair order.
    public var teams: [JointTeam]
    /// In pair order.
    public var failures: [TeamFormationFailure]

    public init(teams: [JointTeam], failures: [TeamFormationFailure]) {
        self.teams = teams
        self.failures = failures
    }
}
