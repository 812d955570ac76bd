/// A holiday on a particular day.
public struct HolidayOccurrence: Sendable, Hashable {
    /// Which holiday.
    public let holiday: Holiday
    /// The civil day it falls on (the festival begins the evening before).
    public let date: GregorianDate
    /// The same day in the Hebrew calendar (after any postponement).
    public let hebrewDate: HebrewDate
    /// Whether the day is kept in Israel, abroad or both.
    public let observance: HolidayObservance
    /// For Chanukah, which of its eight days (1...8); `nil` for other holidays.
    public let dayOfChanukah: Int?
    /// For Rosh Chodesh, the month it begins (Kislev on 30 Cheshvan too); `nil` for other holidays.
    public let roshChodeshMonth: HebrewMonth?

    /// Whether a place that keeps `schedule` observes this day.
    public func isObserved(under schedule: HolidaySchedule) -> Bool {
        observance.includes(schedule)
    }
}
