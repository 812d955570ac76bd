/// Where a holiday falls on a given day: in Israel, abroad or both.
public enum HolidayObservance: String, Sendable, Hashable, CaseIterable {
    /// Only in Israel, e.g. Chol HaMoed on 16 Nisan.
    case israelOnly = "israel"
    /// Only abroad, e.g. the second days of yom tov.
    case diasporaOnly = "diaspora"
    /// In Israel and abroad.
    case everywhere

    /// Whether a place that keeps `schedule` observes the day.
    public func includes(_ schedule: HolidaySchedule) -> Bool {
        switch self {
        case .everywhere: true
        case .israelOnly: schedule == .israel
        case .diasporaOnly: schedule == .diaspora
        }
    }
}
