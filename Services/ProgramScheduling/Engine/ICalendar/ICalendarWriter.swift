import Foundation

/// Writes a schedule as an RFC 5545 calendar for one participant or one community, in their
/// own time zone (with its VTIMEZONE), with the organiser and attendees of every event, for
/// calendar programs to import.
///
/// Each session keeps the same UID in every calendar and every export, so that importing a
/// new export updates the events instead of duplicating them. The time stamp is an input.
public enum ICalendarWriter {
    /// Whose calendar.
    public enum Audience: Sendable, Hashable {
        /// The sessions a participant attends.
        case participant(Participant.ID)
        /// The sessions any member of a community attends.
        case community(Community.ID)
    }

    /// The domain in every event's UID.
    public static let uidDomain = "p2g.jewishagency.org"

    /// The calendar of `audience` in `schedule`.
    /// - Parameters:
    ///   - stamp: The instant written as every event's DTSTAMP, e.g. when the export was asked for.
    /// - Throws: `SchedulingError` with code `unknownReference` for a participant or community
    ///   the problem does not have.
    public static func calendar(
        for audience: Audience, in schedule: Schedule, of problem: SchedulingProblem, stamp: Date
    ) throws -> String {
        let name: String
        let zoneIdentifier: String
        let placements: [Placement]
        switch audience {
        case .participant(let id):
            guard let participant = problem.participant(id) else {
                throw SchedulingError(.unknownReference, "no calendar for unknown participant \"\(id)\"")
            }
            name = participant.name
            zoneIdentifier = participant.place.timeZoneIdentifier
            placements = schedule.placements(attendedBy: id)
        case .community(let id):
            guard let community = problem.community(id) else {
                throw SchedulingError(.unknownReference, "no calendar for unknown community \"\(id)\"")
            }
            let members = Set(problem.members(of: id))
            name = community.name
            zoneIdentifier = community.place.timeZoneIdentifier
            placements = schedule.placements.filter { !members.isDisjoint(with: $0.attendees) }
        }
        guard let timeZone = TimeZone(identifier: zoneIdentifier) else {
            throw SchedulingError(
                .unknownTimeZone, "time zone \"\(zoneIdentifier)\" of \(name) is not in the IANA time zone database")
        }

        var lines = ContentLines()
        lines.add("BEGIN", "VCALENDAR")
        lines.add("VERSION", "2.0")
        lines.add("PRODID", "-//The Jewish Agency for Israel//P2G program scheduling//EN")
        lines.add("CALSCALE", "GREGORIAN")
        lines.add("METHOD", "PUBLISH")
        lines.addText("X-WR-CALNAME", "P2G: \(name)")
        lines.add("X-WR-TIMEZONE", zoneIdentifier)
        // RFC 5545 wants at least one component, so the zone is written even for an empty calendar.
        let first = placements.map(\.start).min() ?? stamp
        let last = placements.map(\.end).max() ?? stamp
        TimeZoneComponent.write(
            timeZone, covering: Span(first.instant - 86_400, last.instantRoundedUp + 86_400), into: &lines)
        let clock = ZoneClock(timeZone, covering: Span(0, 0))
        for placement in placements {
            event(placement, problem: problem, clock: clock, stamp: stamp, into: &lines)
        }
        lines.add("END", "VCALENDAR")
        return lines.text
    }

    /// The UID of a session, the same in every export: its key with each part percent-encoded.
    public static func uid(of key: SessionKey) -> String {
        [key.program.rawValue, String(key.occurrence), key.session.rawValue].map(encode).joined(separator: "/")
            + "@" + uidDomain
    }

    private static func event(
        _ placement: Placement, problem: SchedulingProblem, clock: ZoneClock, stamp: Date,
        into lines: inout ContentLines
    ) {
        guard let (programIndex, sessionIndex) = problem.locate(placement.key) else { return }
        let program = problem.programs[programIndex]
        let plan = program.sessions[sessionIndex]
        let required = Set(
            problem.resolved[programIndex].sessions[sessionIndex].required.map { problem.participants[$0].id })
        let zone = [("TZID", clock.identifier)]
        lines.add("BEGIN", "VEVENT")
        lines.add("UID", uid(of: placement.key))
        lines.add("DTSTAMP", ContentLines.utc(stamp.instant))
        lines.add("DTSTART", ContentLines.compact(clock.local(placement.start.instant)), parameters: zone)
        lines.add("DTEND", ContentLines.compact(clock.local(placement.end.instantRoundedUp)), parameters: zone)
        lines.addText("SUMMARY", plan.title.map { "\(program.title): \($0)" } ?? program.title)
        var description = "\(program.kind.displayName.prefix(1).uppercased())\(program.kind.displayName.dropFirst())"
        if program.occurrenceCount > 1 {
            description += ", occurrence \(placement.key.occurrence + 1) of \(program.occurrenceCount)"
        }
        if !placement.absentees.isEmpty {
            description +=
                ". Cannot attend: "
                + placement.absentees.map { problem.participant($0)?.name ?? $0.rawValue }.joined(separator: ", ")
        }
        lines.addText("DESCRIPTION", description + ".")
        if let venueID = placement.venue, let venue = problem.venue(venueID) {
            lines.addText("LOCATION", "\(venue.name), \(venue.place.name)")
        } else {
            lines.addText("LOCATION", "Online")
        }
        lines.addText("CATEGORIES", program.kind.displayName.uppercased())
        if let organiser = problem.participant(program.organiser) {
            lines.add("ORGANIZER", address(of: organiser), parameters: [("CN", organiser.name)])
        }
        for id in placement.attendees {
            guard let attendee = problem.participant(id) else { continue }
            lines.add(
                "ATTENDEE", address(of: attendee),
                parameters: [
                    ("CN", attendee.name), ("CUTYPE", "INDIVIDUAL"),
                    ("ROLE", required.contains(id) ? "REQ-PARTICIPANT" : "OPT-PARTICIPANT"),
                    ("PARTSTAT", "NEEDS-ACTION"),
                ])
        }
        lines.add("STATUS", "CONFIRMED")
        lines.add("SEQUENCE", "0")
        lines.add("TRANSP", "OPAQUE")
        lines.add("END", "VEVENT")
    }

    /// RFC 3986's unreserved characters, the only ones left as they are in UIDs and URNs.
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// The participant's calendar address, or a URN naming them when none is known.
    private static func address(of participant: Participant) -> String {
        participant.calendarAddress ?? "urn:p2g:participant:" + encode(participant.id.rawValue)
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
