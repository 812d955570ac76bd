import Foundation

/// A hard rule as it bears on one session, grouped the way explanations name it: one group per
/// place for working hours and for Shabbat and festivals, one per person for bookings.
public enum HardRule: Sendable, Hashable, CustomStringConvertible {
    /// The session may not begin before the occurrence's earliest start.
    case earliestStart(Date)
    /// The session must end by the occurrence's deadline.
    case deadline(Date)
    /// The session must lie within the acceptable hours of these required participants, who
    /// share a place (named) and hours.
    case workingHours(place: String, participants: [Participant.ID])
    /// The session may not overlap Shabbat or a festival at this place.
    case shabbatAndFestivals(place: String)
    /// The session may not overlap a period in which this participant is unavailable.
    case participantUnavailable(Participant.ID)
    /// The session may not overlap another session this participant attends.
    case participantBooked(Participant.ID)
    /// The venue must hold everyone who might come.
    case venueCapacity(headcount: Int)
    /// The session must lie within the venue's opening hours.
    case venueOpeningHours
    /// The venue may not be booked for another session at the same time.
    case venueBooked
    /// The session may not overlap a period in which the venue is unavailable.
    case venueUnavailable

    /// A short name of the rule, e.g. "working hours in Melbourne".
    public var description: String {
        switch self {
        case .earliestStart(let date): "earliest start \(InstantText.utc(date))"
        case .deadline(let date): "deadline \(InstantText.utc(date))"
        case .workingHours(let place, _): "working hours in \(place)"
        case .shabbatAndFestivals(let place): "Shabbat and festivals in \(place)"
        case .participantUnavailable(let id): "unavailability of \(id)"
        case .participantBooked(let id): "other sessions of \(id)"
        case .venueCapacity(let headcount): "a venue for \(headcount) people"
        case .venueOpeningHours: "venue opening hours"
        case .venueBooked: "other bookings of the venue"
        case .venueUnavailable: "venue unavailability"
        }
    }
}
