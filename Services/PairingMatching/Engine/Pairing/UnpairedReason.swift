/// Why a community was left with fewer partners than it needs (impacted side) or with none
/// (supporting side).
public enum UnpairedReason: String, Hashable, Sendable {
    /// The request has no community on the other side.
    case noCandidates
    /// Every candidate on the other side is a forbidden pair.
    case everyCandidateForbidden
    /// Impacted side: every candidate it may be paired with is already its partner, and it needs
    /// more partners than that.
    case tooFewAllowedCandidates
    /// Impacted side: every remaining candidate has taken all the pairings it can.
    case noCapacityLeft
    /// Impacted side: every remaining candidate's yearly budget pays for no more pairings.
    case budgetExhausted
    /// Impacted side: every remaining candidate is full, some by capacity and some by budget.
    case noCapacityOrBudgetLeft
    /// Supporting side: the community can take no pairing at all (capacity 0).
    case noPairingCapacity
    /// Supporting side: the yearly budget is below one pairing's yearly commitment.
    case budgetBelowCommitment
    /// Supporting side: every impacted community it may be paired with already has all the
    /// partners it needs.
    case impactedCommunitiesComplete
    /// Stable pairing: the candidates with room do not rank this community, or this community
    /// does not rank them, and the others are full.
    case noAcceptableCandidateWithRoom
}
