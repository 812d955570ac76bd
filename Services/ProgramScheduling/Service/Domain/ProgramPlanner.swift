import Foundation
import JewishCalendar
import SchedulingEngine
import UUIDText

/// Someone a program names, as the engine needs them: where they are, when they work, and when
/// they cannot take part (their own unavailability and the sessions they already attend).
struct PlanningParticipant: Sendable {
    var id: UUID
    var place: Place
    var workingHours: WeeklyHours
    var unavailable: [DateInterval]
}

/// A venue as the engine needs it, with the times it is closed or already booked.
struct PlanningVenue: Sendable {
    var id: UUID
    var name: String
    var place: Place
    var capacity: Int
    var openingHours: WeeklyHours
    var unavailable: [DateInterval]
}

/// One session the engine placed.
struct PlannedSession: Sendable, Equatable {
    var occurrence: Int
    var key: String
    var start: Date
    var end: Date
    var venue: UUID?
    var attendees: [UUID]
}

/// What placing a program came to.
enum PlanOutcome: Sendable {
    case placed([PlannedSession])
    /// No time works for some sessions: one sentence per session, in the engine's words.
    case unplaceable([String])
    /// The engine refused the input (an unknown zone, a horizon too long), in its words.
    case invalid(String)
}

/// Places a program's sessions with the scheduling engine, around what the participants and
/// venues already have. Pure: the instant "now" is an input.
enum ProgramPlanner {
    static func place(
        _ program: ValidProgram, id: UUID, participants: [UUID: PlanningParticipant], venues: [UUID: PlanningVenue], now: Date,
        keeping fixed: [PlannedSession] = []
    ) -> PlanOutcome {
        let request = program.request
        let programID = Program.ID(id.lowercasedText)
        let engineParticipants = participants.values.map { participant in
            Participant(
                id: Participant.ID(participant.id.lowercasedText), name: "volunteer \(participant.id.lowercasedText)",
                place: participant.place, acceptableHours: participant.workingHours, unavailable: participant.unavailable)
        }
        let engineVenues = venues.values.map { venue in
            Venue(
                id: Venue.ID(venue.id.lowercasedText), name: venue.name, place: venue.place, capacity: venue.capacity,
                openingHours: venue.openingHours, unavailable: venue.unavailable)
        }
        let sessions = request.sessions.map { session in
            SessionPlan(
                id: SessionPlan.ID(session.key), title: session.titles.flatMap(Self.title),
                length: session.durationDays.map(SessionLength.days) ?? .minutes(session.durationMinutes ?? 60),
                venues: session.venueIds?.map { Venue.ID($0.lowercasedText) },
                required: session.requiredParticipants.map { .participant(Participant.ID($0.lowercasedText)) },
                optional: (session.optionalParticipants ?? []).map { .participant(Participant.ID($0.lowercasedText)) },
                additionalHeadcount: session.expectedAttendance ?? 0)
        }
        var recurrence: Recurrence?
        var intervalDays = 0
        if let requested = request.recurrence {
            switch requested.every {
            case "weekly":
                recurrence = Recurrence(every: .weeks(1), count: program.occurrences)
                intervalDays = 7
            case "monthly":
                recurrence = Recurrence(every: .months(1), count: program.occurrences)
                intervalDays = 31
            default:
                recurrence = Recurrence(every: .months(3), count: program.occurrences)
                intervalDays = 92
            }
        }
        let engineProgram = Program(
            id: programID, title: title(request.titles) ?? "Program", kind: engineKind(request.kind),
            organiser: Participant.ID(program.organiser.lowercasedText),
            format: program.isVirtual ? .virtual : .inPerson(venues: program.venues.map { Venue.ID($0.lowercasedText) }),
            required: [], sessions: sessions, earliestStart: program.earliestStart, deadline: program.deadline,
            recurrence: recurrence, absenceWeight: request.softWeights?.absenceWeight)
        let weights = SoftWeights(
            cholHamoed: request.softWeights?.cholHamoed ?? SoftWeights.standard.cholHamoed,
            festivalEveAfternoon: request.softWeights?.festivalEveAfternoon ?? SoftWeights.standard.festivalEveAfternoon)
        let start = min(now, program.earliestStart).addingTimeInterval(-86_400)
        let end = program.deadline.addingTimeInterval(Double(intervalDays * (program.occurrences - 1) + 2) * 86_400)
        let fixedPlacements = fixed.map { session in
            Placement(
                key: SessionKey(program: programID, occurrence: session.occurrence, session: SessionPlan.ID(session.key)),
                start: session.start, end: session.end, venue: session.venue.map { Venue.ID($0.lowercasedText) },
                attendees: session.attendees.map { Participant.ID($0.lowercasedText) })
        }
        let schedule: Schedule
        let problem: SchedulingProblem
        do {
            problem = try SchedulingProblem(
                participants: engineParticipants, venues: engineVenues, programs: [engineProgram],
                horizon: DateInterval(start: start, end: max(end, start.addingTimeInterval(86_400))), now: now, fixed: fixedPlacements,
                weights: weights)
            schedule = ProgramScheduler.solve(problem)
        } catch let error as SchedulingError {
            return .invalid(error.description)
        } catch {
            return .invalid("\(error)")
        }
        guard schedule.unplaced.isEmpty else {
            return .unplaceable(
                schedule.unplaced.map { unplaced in
                    let occurrence = program.occurrences > 1 ? " (occurrence \(unplaced.key.occurrence + 1) of \(program.occurrences))" : ""
                    let window = problemWindow(of: unplaced.key, in: problem)
                    let local = window.map {
                        "; its window in each participant's own time: " + localTimes($0, participants: participants.values)
                    }
                    let festivals = window.flatMap { festivalsText($0, participants: participants.values) }.map {
                        "; festivals in it: " + $0
                    }
                    return "session \(unplaced.key.session)\(occurrence): \(unplaced.explanation.sentence)\(local ?? "")\(festivals ?? "")"
                })
        }
        let placed = schedule.placements(of: programID).map { placement in
            PlannedSession(
                occurrence: placement.key.occurrence, key: placement.key.session.rawValue, start: placement.start, end: placement.end,
                venue: placement.venue.flatMap { UUID(uuidString: $0.rawValue) },
                attendees: placement.attendees.compactMap { UUID(uuidString: $0.rawValue) })
        }
        return .placed(placed)
    }

    static func problemWindow(of key: SessionKey, in problem: SchedulingProblem) -> DateInterval? {
        problem.window(of: key.program, occurrence: key.occurrence)
    }

    /// `Sat 2027-01-09 02:00 – Sat 2027-01-09 22:00 in Sderot (Asia/Jerusalem), ...`: a window on each
    /// distinct local clock of the participants, for explanations that people read in their
    /// own time.
    static func localTimes(_ window: DateInterval, participants: some Sequence<PlanningParticipant>) -> String {
        var seen: Set<String> = []
        var parts: [String] = []
        for participant in participants.sorted(by: {
            ($0.place.name, $0.place.timeZoneIdentifier) < ($1.place.name, $1.place.timeZoneIdentifier)
        }) {
            let key = "\(participant.place.name)|\(participant.place.timeZoneIdentifier)"
            guard seen.insert(key).inserted, let zone = TimeZone(identifier: participant.place.timeZoneIdentifier) else { continue }
            parts.append("\(clock(window.start, zone)) – \(clock(window.end, zone)) in \(participant.place.name) (\(zone.identifier))")
        }
        return parts.joined(separator: ", ")
    }

    /// The festivals whose rest falls in `window` at each participant's place, named at each
    /// place with their times there: "Yom Kippur in Sderot, Sun 2027-10-10 17:31 to Mon
    /// 2027-10-11 18:27", so that a window a festival closes everywhere says so, whatever the
    /// engine's smallest set of rules names. Nil when there are none.
    static func festivalsText(_ window: DateInterval, participants: some Sequence<PlanningParticipant>) -> String? {
        var seen: Set<String> = []
        var parts: [String] = []
        for participant in participants.sorted(by: {
            ($0.place.name, $0.place.timeZoneIdentifier) < ($1.place.name, $1.place.timeZoneIdentifier)
        }) {
            let place = participant.place
            guard seen.insert("\(place.name)|\(place.timeZoneIdentifier)").inserted,
                let location = try? GeoLocation(
                    latitude: place.latitude, longitude: place.longitude, timeZoneIdentifier: place.timeZoneIdentifier,
                    schedule: place.festivalSchedule),
                let windows = try? ObservanceCalendar(location: location, policy: place.candleLighting).forbiddenWindows(
                    from: window.start.addingTimeInterval(-3 * 86_400), to: window.end),
                let zone = TimeZone(identifier: place.timeZoneIdentifier)
            else { continue }
            for rest in windows where rest.overlaps(from: window.start, to: window.end) {
                var names: [String] = []
                for holiday in rest.days.flatMap(\.yomTov) where !names.contains(holiday.englishName) { names.append(holiday.englishName) }
                guard !names.isEmpty else { continue }
                parts.append(
                    "\(names.joined(separator: " and ")) in \(place.name), \(clock(rest.start, zone)) to \(clock(rest.end, zone)) local time"
                )
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// `Sun 2027-10-10 17:31` on the clock of `zone`.
    static func clock(_ date: Date, _ zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
        let weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][((parts.weekday ?? 1) - 1) % 7]
        return String(
            format: "%@ %04d-%02d-%02d %02d:%02d", weekday, parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
    }

    /// The title to show where one language must be chosen: English, else the first by tag.
    static func title(_ titles: [String: String]) -> String? {
        titles["en"] ?? titles.sorted { $0.key < $1.key }.first?.value
    }

    static func engineKind(_ kind: String) -> ProgramKind {
        switch kind {
        case "delegation", "mission": .delegation
        case "visit", "school-twinning": .visit
        case "conference": .conference
        case "joint-team-meeting": .needsAssessment
        default: .committeeMeeting
        }
    }
}
