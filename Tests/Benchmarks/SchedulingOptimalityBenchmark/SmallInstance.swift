import Foundation
import JewishCalendar
import SchedulingEngine
import TestSupport

/// A few partnerships of the benchmark year (Tests/Benchmarks/SchedulingBenchmark), scaled down
/// to a given number of programs over four to eight weeks from 2 March 2026: Israeli regions
/// with communities in the US, Europe and Australia, steering committees with optional
/// volunteers, fortnightly subcommittees, weekly coordination calls, project meetings, needs
/// assessments, visits in person, from 40 programs a conference, and one-off school-twinning
/// meetings for the rest. The weeks hold Pesach
/// (1-9 April) and the clock changes of the US (8 March), Israel (27 March), Europe (29 March)
/// and Australia (5 April). A seeded generator: the same arguments build the same problem.
enum SmallInstance {
    static let israeliPlaces: [Place] = [
        ("Sderot", 31.525, 34.597), ("Western Galilee", 33.006, 35.098), ("Ofakim", 31.313, 34.620),
        ("Kiryat Shmona", 33.208, 35.570), ("Be'er Sheva", 31.252, 34.791), ("Afula and Gilboa", 32.608, 35.289),
    ].map { Place(name: $0.0, latitude: $0.1, longitude: $0.2, timeZoneIdentifier: "Asia/Jerusalem") }

    /// US, Europe and Australia in turn.
    static let globalPlaces: [Place] = [
        ("New York", 40.71, -74.01, "America/New_York"), ("London", 51.51, -0.13, "Europe/London"),
        ("Melbourne", -37.81, 144.96, "Australia/Melbourne"), ("Des Moines", 41.59, -93.62, "America/Chicago"),
        ("Paris", 48.86, 2.35, "Europe/Paris"), ("Sydney", -33.87, 151.21, "Australia/Sydney"),
        ("Los Angeles", 34.05, -118.24, "America/Los_Angeles"), ("Berlin", 52.52, 13.40, "Europe/Berlin"),
    ].map { Place(name: $0.0, latitude: $0.1, longitude: $0.2, timeZoneIdentifier: $0.3) }

    static let jerusalem = Place(
        name: "Jerusalem", latitude: 31.778, longitude: 35.235, timeZoneIdentifier: "Asia/Jerusalem",
        candleLighting: .jerusalem)
    static let israeliWeek: [Weekday] = [.sunday, .monday, .tuesday, .wednesday, .thursday]
    static let diasporaWeek: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]

    static func problem(programs count: Int, weeks: Int, seed: UInt64) throws -> SchedulingProblem {
        var random = SplitMix64(seed: seed)
        guard let start = ISO8601DateFormatter().date(from: "2026-03-02T00:00:00Z") else {
            throw BenchmarkError(description: "bad start date")
        }
        let horizonDays = weeks * 7
        var participants: [Participant] = []
        var venues: [Venue] = []
        var programs: [Program] = []
        func add(_ id: String, _ place: Place, _ hours: WeeklyHours, _ comfortable: WeeklyHours) -> Participant.ID {
            participants.append(
                Participant(
                    id: Participant.ID(id), name: id, place: place, acceptableHours: hours,
                    comfortableHours: comfortable, calendarAddress: "mailto:\(id)@example.org"))
            return Participant.ID(id)
        }
        func day(_ offset: Int) -> Date { start + TimeInterval(offset * 86_400) }
        let managers = (0..<3).map { index in
            add(
                "agency-manager-\(index)", jerusalem, WeeklyHours(on: israeliWeek, .hours(8, 21)),
                WeeklyHours(on: israeliWeek, .hours(9, 18)))
        }

        var partnership = 0
        var members: [[Participant.ID]] = []
        let partnerships = max(1, (count + 9) / 12)
        if count >= 40 {
            let place = globalPlaces[1]
            let rooms = [("hall", 200), ("room-1", 60)].map { name, capacity in
                Venue(
                    id: Venue.ID("conference-\(name)"), name: "\(place.name) conference centre, \(name)",
                    place: place, capacity: capacity, openingHours: WeeklyHours(on: diasporaWeek, .hours(8, 19)))
            }
            venues += rooms
            let speakers = (0..<3).map { index in
                add(
                    "conference-speaker-\(index)", place, WeeklyHours(on: diasporaWeek, .hours(8, 19)),
                    WeeklyHours(on: diasporaWeek, .hours(9, 17)))
            }
            let opening = day(Int.random(in: 7..<(horizonDays - 10), using: &random))
            programs.append(
                Program(
                    id: "conference", title: "\(place.name) partnership conference", kind: .conference,
                    organiser: speakers[0], format: .inPerson(venues: rooms.map(\.id), observance: .venueOnly),
                    required: speakers.map(Invitee.participant),
                    sessions: [
                        SessionPlan(
                            id: "plenary", length: .minutes(120), venues: [rooms[0].id], additionalHeadcount: 150),
                        SessionPlan(
                            id: "workshop", length: .minutes(90), required: [.participant(speakers[1])],
                            additionalHeadcount: 40),
                        SessionPlan(id: "panel", length: .minutes(60), venues: [rooms[0].id], additionalHeadcount: 100),
                    ], earliestStart: opening, deadline: opening + 3 * 86_400))
        }
        while partnership < partnerships && programs.count < count {
            let region = israeliPlaces[partnership % israeliPlaces.count]
            let abroad = globalPlaces[partnership % globalPlaces.count]
            let prefix = "p\(partnership)"
            let coordinator = add(
                "\(prefix)-il-coordinator", region, WeeklyHours(on: israeliWeek, .hours(8, 21)),
                WeeklyHours(on: israeliWeek, .hours(9, 18)))
            let volunteers = (0..<2).map { index in
                add(
                    "\(prefix)-il-volunteer-\(index)", region,
                    WeeklyHours(on: israeliWeek, .hours(8, 22)).adding(on: [.friday], .hours(8, 13)),
                    WeeklyHours(on: israeliWeek, .hours(17, 22)))
            }
            let globalCoordinator = add(
                "\(prefix)-global-coordinator", abroad, WeeklyHours(on: diasporaWeek, .hours(7, 22)),
                WeeklyHours(on: diasporaWeek, .hours(9, 17)))
            let globalVolunteer = add(
                "\(prefix)-global-volunteer", abroad,
                WeeklyHours(on: diasporaWeek, .hours(7, 22)).adding(on: [.sunday], .hours(9, 20)),
                WeeklyHours(on: diasporaWeek, .hours(18, 22)).adding(on: [.sunday], .hours(10, 17)))
            let manager = managers[partnership % managers.count]
            let hall = Venue.ID("\(prefix)-il-centre")
            venues.append(
                Venue(
                    id: hall, name: "\(region.name) community centre", place: region, capacity: 60,
                    openingHours: WeeklyHours(on: israeliWeek, .hours(8, 22))))
            let everyone = [coordinator, manager, globalCoordinator] + volunteers + [globalVolunteer]
            members.append(everyone)

            func program(
                _ id: String, _ kind: ProgramKind, _ required: [Participant.ID], optional: [Participant.ID] = [],
                _ length: SessionLength, from: Int, days: Int, recurrence: Recurrence? = nil,
                format: ProgramFormat = .virtual, headcount: Int = 0
            ) {
                guard programs.count < count else { return }
                programs.append(
                    Program(
                        id: Program.ID("\(prefix)-\(id)"), title: "\(region.name) \(id)", kind: kind,
                        organiser: coordinator, format: format, required: required.map(Invitee.participant),
                        optional: optional.map(Invitee.participant),
                        sessions: [.single(length, additionalHeadcount: headcount)], earliestStart: day(from),
                        deadline: day(from + days), recurrence: recurrence))
            }
            program(
                "steering", .committeeMeeting, [coordinator, manager, globalCoordinator],
                optional: volunteers + [globalVolunteer], .minutes(90), from: partnership % 4, days: 10,
                recurrence: Recurrence(every: .weeks(2), count: weeks / 2))
            program(
                "coordination", .committeeMeeting, [coordinator, globalCoordinator], .minutes(45),
                from: partnership % 3, days: 5, recurrence: Recurrence(every: .weeks(1), count: weeks - 1))
            program(
                "education", .committeeMeeting, [volunteers[0], globalVolunteer, manager], .minutes(60),
                from: 3 + partnership % 5, days: 10, recurrence: Recurrence(every: .weeks(2), count: weeks / 2 - 1))
            for index in 0..<2 {
                let invited = everyone.shuffled(using: &random).prefix(Int.random(in: 2...3, using: &random))
                program(
                    "project-\(index)", .committeeMeeting, Array(invited),
                    .minutes([45, 60, 90].randomElement(using: &random) ?? 60),
                    from: Int.random(in: 0..<(horizonDays - 8), using: &random), days: Int.random(in: 4..<9, using: &random))
            }
            program(
                "needs", .needsAssessment, [coordinator, volunteers[1], globalCoordinator], .minutes(90),
                from: Int.random(in: 0..<(horizonDays - 10), using: &random), days: 10)
            if partnership % 2 == 0 {
                program(
                    "visit", .visit, [volunteers[0], globalCoordinator], .days(1 + partnership % 2),
                    from: Int.random(in: 0..<(horizonDays - 12), using: &random), days: 12,
                    format: .inPerson(venues: [hall], observance: .travellersHomeSchedule), headcount: 20)
            }
            partnership += 1
        }
        // The rest: one-off school-twinning meetings of two members of a partnership.
        var twinning = 0
        while programs.count < count {
            let invited = members[twinning % members.count].shuffled(using: &random).prefix(2)
            let from = Int.random(in: 0..<(horizonDays - 7), using: &random)
            programs.append(
                Program(
                    id: Program.ID("p\(twinning % members.count)-twinning-\(twinning)"), title: "School twinning meeting",
                    kind: .committeeMeeting, organiser: invited[invited.startIndex],
                    required: invited.map(Invitee.participant), sessions: [.single(.minutes(60))],
                    earliestStart: day(from), deadline: day(from + Int.random(in: 5...10, using: &random))))
            twinning += 1
        }
        return try SchedulingProblem(
            participants: participants, venues: venues, programs: programs,
            horizon: DateInterval(start: start, duration: TimeInterval((horizonDays + 7) * 86_400)), now: start)
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
}
