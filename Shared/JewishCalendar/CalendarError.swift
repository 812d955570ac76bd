/// Invalid input to the calendar: says what is wrong, with the offending value.
///
/// Every public entry point validates its input and throws this error instead of trapping or
/// returning a meaningless date.
public struct CalendarError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of input was rejected.
    public enum Code: String, Sendable, Hashable {
        /// A Gregorian year, month or day that does not exist or is outside the supported years.
        case invalidGregorianDate
        /// A Hebrew year, month or day that does not exist or is outside the supported years.
        case invalidHebrewDate
        /// A latitude that is not a finite number in -90...90.
        case invalidLatitude
        /// A longitude that is not a finite number in -180...180.
        case invalidLongitude
        /// An elevation that is not a finite number in the supported range.
        case invalidElevation
        /// A time zone identifier that is not in the IANA time zone database.
        case unknownTimeZone
        /// A candle-lighting or havdalah rule outside the customs the library accepts.
        case invalidPolicy
        /// A sun depression angle outside the supported range.
        case invalidSunDepression
        /// A range whose end is not after its start.
        case invalidRange
        /// A range longer than the library's maximum.
        case rangeTooLong
        /// A meeting length that is not positive or can never fit between two Shabbatot.
        case invalidDuration
        /// A query over a set of locations that was given none.
        case noLocations
    }

    /// What kind of input was rejected.
    public let code: Code
    /// What is wrong and with which value, in one sentence.
    public let description: String

    /// Creates an error with a code and a sentence that names the offending value.
    public init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }
}
