/// Which festival calendar a place keeps: Israel's (one day of yom tov) or the diaspora's
/// (a second day of yom tov at Sukkot, Shemini Atzeret, Pesach and Shavuot).
public enum HolidaySchedule: String, Sendable, Hashable, CaseIterable {
    case israel
    case diaspora
}
