import Foundation

/// A person who takes part in programs: a steering-committee volunteer, a community
/// coordinator, a member of a joint team or Agency staff.
public struct Participant: Sendable, Hashable, Identifiable {
    /// Identifies a participant.
    public typealias ID = Identifier<Participant>

    /// Identifies the participant.
    public var id: ID
    /// How the participant is named in explanations and calendars: a role, such as
    /// "Sderot coordinator".
    public var name: String
    /// Where the participant lives and works: their time zone, Shabbat and festivals.
    public var place: Place
    /// The community the participant belongs to, if any; a program that invites the
    /// community invites them.
    public var community: Community.ID?
    /// When the participant can be asked to meet, in their own time zone (a hard rule).
    public var acceptableHours: WeeklyHours
    /// When meeting is comfortable for them (a soft preference); within the acceptable hours.
    public var comfortableHours: WeeklyHours
    /// Periods in which the participant cannot take part in anything.
    public var unavailable: [DateInterval]
    /// The calendar user address for invitations, e.g. "mailto:...", if known.
    public var calendarAddress: String?

    /// Creates a participant; comfortable hours default to the acceptable ones.
    public init(
        id: ID, name: String, place: Place, community: Community.ID? = nil,
        acceptableHours: WeeklyHours, comfortableHours: WeeklyHours? = nil,
        unavailable: [DateInterval] = [], calendarAddress: String? = nil
    ) {
        self.id = id
        self.name = name
        self.place = place
        self.community = community
        self.acceptableHours = acceptableHours
        self.comfortableHours = comfortableHours ?? acceptableHours
        self.unavailable = unavailable
        self.calendarAddress = calendarAddress
    }
}
