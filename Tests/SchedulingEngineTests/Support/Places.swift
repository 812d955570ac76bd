import JewishCalendar
import SchedulingEngine

/// Places of the partnerships the tests schedule for.
enum Places {
    static let sderot = Place(name: "Sderot", latitude: 31.525, longitude: 34.597, timeZoneIdentifier: "Asia/Jerusalem")
    static let desMoines = Place(
        name: "Des Moines", latitude: 41.587, longitude: -93.625, timeZoneIdentifier: "America/Chicago")
    static let melbourne = Place(
        name: "Melbourne", latitude: -37.814, longitude: 144.963, timeZoneIdentifier: "Australia/Melbourne")
    static let westernGalilee = Place(
        name: "Western Galilee", latitude: 33.006, longitude: 35.098, timeZoneIdentifier: "Asia/Jerusalem",
        candleLighting: .haifa)
    static let newOrleans = Place(
        name: "New Orleans", latitude: 29.951, longitude: -90.072, timeZoneIdentifier: "America/Chicago")
    static let jerusalem = Place(
        name: "Jerusalem", latitude: 31.778, longitude: 35.235, timeZoneIdentifier: "Asia/Jerusalem",
        candleLighting: .jerusalem)
}

/// Working weeks as the participants keep them.
enum Hours {
    /// Sunday to Thursday, as in Israel.
    static func israeliWeek(_ start: Int, _ end: Int) -> WeeklyHours {
        WeeklyHours(on: [.sunday, .monday, .tuesday, .wednesday, .thursday], .hours(start, end))
    }

    /// Monday to Friday, as abroad.
    static func diasporaWeek(_ start: Int, _ end: Int) -> WeeklyHours {
        WeeklyHours(on: [.monday, .tuesday, .wednesday, .thursday, .friday], .hours(start, end))
    }
}
