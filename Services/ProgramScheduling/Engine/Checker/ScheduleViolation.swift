/// A hard rule a schedule breaks, with the session concerned and a sentence saying how.
public struct ScheduleViolation: Sendable, Hashable, CustomStringConvertible {
    /// Which rule is broken.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A placement names no session of the problem.
        case unknownSession
        /// A session is placed twice, or both placed and reported unplaced.
        case duplicateSession
        /// A session is neither placed nor reported unplaced: dropped.
        case missingSession
        /// A fixed placement was moved, changed or left out.
        case fixedPlacementChanged
        /// A placement does not last as long as its session.
        case wrongLength
        /// A placement starts before its occurrence's earliest start.
        case beforeEarliestStart
        /// A placement ends after its occurrence's deadline.
        case afterDeadline
        /// A placement lies partly outside the planning horizon.
        case outsideHorizon
        /// A required invitee does not attend.
        case missingRequiredAttendee
        /// Someone attends who is not invited, or an absentee is not an optional invitee.
        case uninvitedAttendee
        /// A participant attends two sessions at once.
        case participantDoubleBooked
        /// A venue holds two sessions at once.
        case venueDoubleBooked
        /// A session lies outside an attendee's acceptable hours in their own time zone.
        case outsideWorkingHours
        /// A session overlaps Shabbat or a festival at a place whose rules bind it.
        case duringShabbatOrFestival
        /// A session overlaps a period in which an attendee is unavailable.
        case participantUnavailable
        /// An in-person session without a venue, or a virtual one with a venue.
        case venueMissing
        /// A venue the session does not list.
        case venueNotAllowed
        /// More people than the venue holds.
        case venueOverCapacity
        /// A session outside its venue's opening hours.
        case outsideOpeningHours
        /// A session overlapping a period in which its venue is unavailable.
        case venueUnavailable
    }

    /// Which rule is broken.
    public let kind: Kind
    /// The session concerned.
    public let key: SessionKey
    /// How, naming the people, places and times concerned.
    public let description: String
}
