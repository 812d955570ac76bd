/// Whether a program meets online or in a room.
public enum ProgramFormat: Sendable, Hashable {
    /// Online: nobody travels, and Shabbat and festivals apply at every participant's place.
    case virtual
    /// In person at one of the venues, in order of preference; `observance` says whose Shabbat
    /// and festivals apply besides the venue's.
    case inPerson(venues: [Venue.ID], observance: InPersonObservance = .venueOnly)
}
