import JewishCalendar

/// A calendar of Shabbat and festivals that binds a session, with the name explanations give
/// its place: a participant's home, a venue, or a venue as visitors from abroad keep it.
struct RestCalendar: Sendable, Hashable {
    let calendar: ObservanceCalendar
    let placeName: String

    /// The venue's place as travellers who keep another festival schedule observe it there.
    static func visitors(at venue: ObservanceCalendar, placeName: String, keeping schedule: HolidaySchedule) throws
        -> RestCalendar
    {
        let location = try GeoLocation(
            latitude: venue.location.latitude, longitude: venue.location.longitude,
            elevation: venue.location.elevation, timeZoneIdentifier: venue.location.timeZoneIdentifier,
            schedule: schedule)
        let visitorsName = schedule == .diaspora ? "visitors from abroad" : "visitors from Israel"
        return RestCalendar(
            calendar: ObservanceCalendar(location: location, policy: venue.policy),
            placeName: "\(placeName) (as \(visitorsName) keep it)")
    }
}
