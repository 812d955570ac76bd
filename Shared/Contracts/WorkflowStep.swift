/// The steps of a Communities2Gether needs-assessment cycle, in the order they come: the
/// pairing's process manager (in pairing-matching) keeps each step's state per pairing.
public enum WorkflowStep: String, Codable, Sendable, CaseIterable {
    /// The impacted community was enrolled and its needs assessment requested.
    case enrolment
    /// A coordinator (or the program's auto-confirm policy) confirmed its pairing.
    case matching
    /// The pairing's joint team was formed.
    case jointTeam
    /// The team's kickoff meeting was scheduled, and the invitations went out.
    case kickoffMeeting
    /// The team submitted the first needs assessment.
    case needsAssessment
    /// The community's road map has its first milestone.
    case roadMap
    /// Funding was committed against the road map (a need item or a milestone).
    case fundingCommitment
    /// A reassessment, every six months by default; `occurrence` counts them from 1.
    case reassessment
    /// The cycle closed after its years, with a summary.
    case closing
}
