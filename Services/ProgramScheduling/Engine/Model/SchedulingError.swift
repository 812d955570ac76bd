/// Input the engine cannot work with: says what is wrong and names the program, participant,
/// venue or community concerned.
public struct SchedulingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of input was rejected.
    public enum Code: String, Sendable, Hashable {
        /// Two entities of one kind share an identifier.
        case duplicateIdentifier
        /// A reference to a participant, community, venue, program or session that does not exist.
        case unknownReference
        /// A time zone that is not in the IANA time zone database.
        case unknownTimeZone
        /// Coordinates, or a candle-lighting custom, the calendar does not accept.
        case invalidPlace
        /// Working, comfortable, opening or preferred hours with an empty range or one outside the day.
        case invalidHours
        /// A deadline at or before the earliest start.
        case deadlineBeforeEarliestStart
        /// A session length, headcount, capacity or recurrence that is not positive.
        case invalidQuantity
        /// A program without sessions, or a session without anyone required.
        case nothingToSchedule
        /// A planning horizon that is empty or longer than the calendar supports.
        case invalidHorizon
        /// A participant or venue booked twice at once in the fixed part of a schedule.
        case doubleBookedFixedPlacement
        /// A fixed placement that does not match its session (wrong length, missing attendee).
        case invalidFixedPlacement
    }

    /// What kind of input was rejected.
    public let code: Code
    /// What is wrong and with which entity, in one sentence.
    public let description: String

    /// Creates an error with a code and a sentence naming the offending entity.
    public init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }
}
