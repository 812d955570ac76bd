import Foundation

/// Something to schedule: a committee meeting, a needs assessment, a delegation, a conference
/// with sessions, a visit or a road-map review, once or as a series.
public struct Program: Sendable, Hashable, Identifiable {
    /// Identifies a program.
    public typealias ID = Identifier<Program>

    /// Identifies the program.
    public var id: ID
    /// The title shown in calendars, e.g. "Sderot and Des Moines joint steering committee".
    public var title: String
    /// What kind of program it is.
    public var kind: ProgramKind
    /// Who organises it: named in calendar invitations, and a series keeps its time of day on
    /// the organiser's clock. The organiser attends only the sessions that invite them.
    public var organiser: Participant.ID
    /// Online or in person, and where.
    public var format: ProgramFormat
    /// Who must attend every session (sessions may say otherwise).
    public var required: [Invitee]
    /// Who is invited to attend if they can.
    public var optional: [Invitee]
    /// The sessions, each placed once per occurrence.
    public var sessions: [SessionPlan]
    /// The first instant a session of the (first) occurrence may begin.
    public var earliestStart: Date
    /// The instant by which every session of the (first) occurrence must have ended.
    public var deadline: Date
    /// How it repeats; `nil` for a single occurrence.
    public var recurrence: Recurrence?
    /// Hours in which sessions should preferably take place.
    public var preferredHours: PreferredHours?
    /// What an optional invitee's absence costs for this program, instead of the problem's
    /// ``SoftWeights/absentOptionalInvitee``: lower for a program that would rather go ahead
    /// without someone than at an hour that is awkward for them.
    public var absenceWeight: Double?

    /// Creates a program.
    public init(
        id: ID, title: String, kind: ProgramKind, organiser: Participant.ID, format: ProgramFormat = .virtual,
        required: [Invitee], optional: [Invitee] = [], sessions: [SessionPlan],
        earliestStart: Date, deadline: Date, recurrence: Recurrence? = nil, preferredHours: PreferredHours? = nil,
        absenceWeight: Double? = nil
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.organiser = organiser
        self.format = format
        self.required = required
        self.optional = optional
        self.sessions = sessions
        self.earliestStart = earliestStart
        self.deadline = deadline
        self.recurrence = recurrence
        self.preferredHours = preferredHours
        self.absenceWeight = absenceWeight
    }

    /// The number of occurrences: 1, or the recurrence's count.
    public var occurrenceCount: Int {
        recurrence?.count ?? 1
    }
}
