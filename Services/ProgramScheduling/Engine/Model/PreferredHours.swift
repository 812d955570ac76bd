/// Hours in which a program's sessions should preferably take place, in one time zone (a soft
/// preference), e.g. Israeli mornings for a needs assessment.
public struct PreferredHours: Sendable, Hashable {
    /// The preferred hours.
    public var hours: WeeklyHours
    /// The time zone they are in, e.g. "Asia/Jerusalem".
    public var timeZoneIdentifier: String

    /// Creates preferred hours.
    public init(_ hours: WeeklyHours, timeZoneIdentifier: String) {
        self.hours = hours
        self.timeZoneIdentifier = timeZoneIdentifier
    }
}
