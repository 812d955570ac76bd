/// How long a session lasts.
public enum SessionLength: Sendable, Hashable, CustomStringConvertible {
    /// A meeting of this many minutes, which must lie within working and opening hours.
    case minutes(Int)
    /// This many whole local days at the venue (or the organiser's place when virtual), from
    /// midnight to midnight, as a delegation or visit takes them. Working and opening hours do
    /// not apply; Shabbat, festivals, bookings and unavailability do.
    case days(Int)

    /// `60-minute` or `3-day`, as explanations write it.
    public var description: String {
        switch self {
        case .minutes(let minutes): "\(minutes)-minute"
        case .days(let days): "\(days)-day"
        }
    }
}
