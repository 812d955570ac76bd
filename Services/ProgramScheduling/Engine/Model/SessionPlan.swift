/// One session of a program: the only one of a committee meeting, or a plenary, workshop or
/// panel of a conference. A recurring program holds every session once per occurrence.
public struct SessionPlan: Sendable, Hashable, Identifiable {
    /// Identifies a session within its program.
    public typealias ID = Identifier<SessionPlan>

    /// Identifies the session within its program.
    public var id: ID
    /// The session's title, e.g. "Workshop: hospital evacuation"; `nil` uses the program's.
    public var title: String?
    /// How long it lasts.
    public var length: SessionLength
    /// The venues it may use, in order of preference; `nil` uses the program's.
    public var venues: [Venue.ID]?
    /// Who must attend; `nil` uses the program's required invitees.
    public var required: [Invitee]?
    /// Who is invited to attend if they can; `nil` uses the program's optional invitees.
    public var optional: [Invitee]?
    /// People expected besides the named invitees (registrants, the public), for room capacity.
    public var additionalHeadcount: Int

    /// Creates a session.
    public init(
        id: ID, title: String? = nil, length: SessionLength, venues: [Venue.ID]? = nil,
        required: [Invitee]? = nil, optional: [Invitee]? = nil, additionalHeadcount: Int = 0
    ) {
        self.id = id
        self.title = title
        self.length = length
        self.venues = venues
        self.required = required
        self.optional = optional
        self.additionalHeadcount = additionalHeadcount
    }

    /// The one session of a program that has only one, with id "main".
    public static func single(_ length: SessionLength, additionalHeadcount: Int = 0) -> SessionPlan {
        SessionPlan(id: "main", length: length, additionalHeadcount: additionalHeadcount)
    }
}
