/// What kind of program this is; it names the program in calendars and explanations.
public enum ProgramKind: String, Sendable, Hashable, CaseIterable {
    /// A meeting of a joint steering committee or one of its subcommittees.
    case committeeMeeting = "committee-meeting"
    /// A session in which a joint team assesses a community's needs.
    case needsAssessment = "needs-assessment"
    /// A delegation or mission travelling to the partner community.
    case delegation
    /// A conference with plenaries, workshops, site visits and panels.
    case conference
    /// A visit of musicians, teachers or physicians to the partner community.
    case visit
    /// A review of a community's road map to recovery.
    case roadMapReview = "road-map-review"

    /// The English name, e.g. "committee meeting".
    public var displayName: String {
        switch self {
        case .committeeMeeting: "committee meeting"
        case .needsAssessment: "needs-assessment session"
        case .delegation: "delegation"
        case .conference: "conference"
        case .visit: "visit"
        case .roadMapReview: "road-map review"
        }
    }
}
