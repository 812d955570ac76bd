/// Whose Shabbat and festival times bind an in-person session besides the venue's own.
public enum InPersonObservance: Sendable, Hashable {
    /// Only the venue's: everyone present keeps the local times.
    case venueOnly
    /// Also each traveller's home festival schedule at the venue, as visitors from abroad keep
    /// the second day of yom tov in Israel.
    case travellersHomeSchedule
    /// Also the windows at each traveller's home place, for programs their home communities
    /// follow live.
    case travellersHomePlaces
}
