import Foundation

/// Writes an RFC 5545 calendar feed of stored events for one audience (a participant, a
/// community, a program), in one time zone with its VTIMEZONE: each event with a stable UID,
/// its SEQUENCE and STATUS (a cancelled session stays in the feed as CANCELLED, so that
/// subscribed calendars remove it), and the organiser.
public struct FeedWriter: Sendable {
    /// One event of the feed.
    public struct Event: Sendable, Hashable {
        public var uid: String
        public var start: Date
        public var end: Date
        public var summary: String
        public var description: String?
        public var location: String
        /// Raised on every change of time or place.
        public var sequence: Int
        public var isCancelled: Bool
        /// Calendar user addresses (URIs) of the attendees.
        public var attendees: [String]

        public init(
            uid: String, start: Date, end: Date, summary: String, description: String? = nil, location: String, sequence: Int,
            isCancelled: Bool, attendees: [String]
        ) {
            self.uid = uid
            self.start = start
            self.end = end
            self.summary = summary
            self.description = description
            self.location = location
            self.sequence = sequence
            self.isCancelled = isCancelled
            self.attendees = attendees
        }
    }

    /// The calendar's name, e.g. "P2G: Sderot".
    public var name: String
    /// The IANA zone the events' times are written in.
    public var timeZoneIdentifier: String
    /// The organiser's calendar address and common name.
    public var organiser: (address: String, name: String)

    public init(name: String, timeZoneIdentifier: String, organiser: (address: String, name: String)) {
        self.name = name
        self.timeZoneIdentifier = timeZoneIdentifier
        self.organiser = organiser
    }

    /// The feed. `stamp` is every event's DTSTAMP (when the feed was asked for).
    /// - Throws: `SchedulingError` with code `unknownTimeZone` for a zone Foundation does not know.
    public func calendar(_ events: [Event], stamp: Date) throws -> String {
        guard let timeZone = TimeZone(identifier: timeZoneIdentifier) else {
            throw SchedulingError(.unknownTimeZone, "time zone \"\(timeZoneIdentifier)\" is not in the IANA time zone database")
        }
        var lines = ContentLines()
        lines.add("BEGIN", "VCALENDAR")
        lines.add("VERSION", "2.0")
        lines.add("PRODID", "-//The Jewish Agency for Israel//P2G program scheduling//EN")
        lines.add("CALSCALE", "GREGORIAN")
        lines.add("METHOD", "PUBLISH")
        lines.addText("X-WR-CALNAME", name)
        lines.add("X-WR-TIMEZONE", timeZone.identifier)
        let first = events.map(\.start).min() ?? stamp
        let last = events.map(\.end).max() ?? stamp
        TimeZoneComponent.write(timeZone, covering: Span(first.instant - 86_400, last.instantRoundedUp + 86_400), into: &lines)
        let clock = ZoneClock(timeZone, covering: Span(0, 0))
        let zone = [("TZID", clock.identifier)]
        for event in events {
            lines.add("BEGIN", "VEVENT")
            lines.add("UID", event.uid)
            lines.add("DTSTAMP", ContentLines.utc(stamp.instant))
            lines.add("DTSTART", ContentLines.compact(clock.local(event.start.instant)), parameters: zone)
            lines.add("DTEND", ContentLines.compact(clock.local(event.end.instantRoundedUp)), parameters: zone)
            lines.addText("SUMMARY", event.summary)
            if let description = event.description { lines.addText("DESCRIPTION", description) }
            lines.addText("LOCATION", event.location)
            lines.add("ORGANIZER", organiser.address, parameters: [("CN", organiser.name)])
            for attendee in event.attendees {
                lines.add("ATTENDEE", attendee, parameters: [("CUTYPE", "INDIVIDUAL"), ("ROLE", "REQ-PARTICIPANT")])
            }
            lines.add("STATUS", event.isCancelled ? "CANCELLED" : "CONFIRMED")
            lines.add("SEQUENCE", String(event.sequence))
            lines.add("TRANSP", event.isCancelled ? "TRANSPARENT" : "OPAQUE")
            lines.add("END", "VEVENT")
        }
        lines.add("END", "VCALENDAR")
        return lines.text
    }
}
