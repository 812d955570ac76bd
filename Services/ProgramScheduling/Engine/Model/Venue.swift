import Foundation

/// A room or hall in which in-person sessions take place.
public struct Venue: Sendable, Hashable, Identifiable {
    /// Identifies a venue.
    public typealias ID = Identifier<Venue>

    /// Identifies the venue.
    public var id: ID
    /// The venue's name, e.g. "Tulane University Medical Center, Hall A".
    public var name: String
    /// Where the venue is: its time zone, Shabbat and festivals.
    public var place: Place
    /// How many people it holds.
    public var capacity: Int
    /// When it is open, in its own time zone.
    public var openingHours: WeeklyHours
    /// Periods in which it cannot be booked.
    public var unavailable: [DateInterval]

    /// Creates a venue, open at all hours unless told otherwise.
    public init(
        id: ID, name: String, place: Place, capacity: Int, openingHours: WeeklyHours = .always,
        unavailable: [DateInterval] = []
    ) {
        self.id = id
        self.name = name
        self.place = place
        self.capacity = capacity
        self.openingHours = openingHours
        self.unavailable = unavailable
    }
}
