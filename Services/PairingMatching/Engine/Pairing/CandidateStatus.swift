/// Where one candidate stood for a community that was left unpaired.
public struct CandidateStatus: Hashable, Sendable {
    /// The candidate's state at the end of the run.
    public enum State: String, Hashable, Sendable {
        /// The pair is forbidden.
        case forbidden
        /// The candidate is already a partner of the community.
        case alreadyPartner
        /// A supporting candidate that has taken all the pairings it can.
        case noCapacityLeft
        /// A supporting candidate whose budget pays for no more pairings.
        case budgetExhausted
        /// An impacted candidate that already has all the partners it needs.
        case partnersComplete
        /// Stable pairing: one of the two does not rank the other.
        case notAcceptable
        /// The candidate could still take the community; this happens only when the unpaired
        /// community itself has no capacity or budget.
        case open
    }

    public var candidate: CommunityID
    public var state: State

    public init(candidate: CommunityID, state: State) {
        self.candidate = candidate
        self.state = state
    }
}
