import Foundation
import JewishCalendar
import SchedulingEngine
import TestSupport

/// A generated but realistic year of Partnership2Gether: 45 partnerships, each an Israeli
/// region with one to three global communities, their steering committees, subcommittees and
/// Agency staff; 25 of them also Communities2Gether pairings with joint teams; 500 programs.
///
/// Everything comes from a seeded generator, so every run builds the same year.
struct BenchmarkYear {
    let problem: SchedulingProblem
    /// Per partnership, the participants a new program may invite (for the insert runs).
    let partnershipMembers: [[Participant.ID]]
    let year: DateInterval

    static let israeliPlaces: [Place] = [
        ("Sderot", 31.525, 34.597), ("Western Galilee", 33.006, 35.098), ("Ofakim", 31.313, 34.620),
        ("Netivot", 31.420, 34.589), ("Sha'ar HaNegev", 31.480, 34.600), ("Eshkol", 31.250, 34.400),
        ("Kiryat Shmona", 33.208, 35.570), ("Be'er Sheva", 31.252, 34.791), ("Eilat and Eilot", 29.558, 34.952),
        ("Upper Galilee", 33.050, 35.500), ("Afula and Gilboa", 32.608, 35.289), ("Hadera", 32.434, 34.919),
        ("Karmiel and Misgav", 32.919, 35.295), ("Yeruham", 30.988, 34.931), ("Ashkelon", 31.669, 34.571),
    ].map { Place(name: $0.0, latitude: $0.1, longitude: $0.2, timeZoneIdentifier: "Asia/Jerusalem") }

    static let globalPlaces: [Place] = [
        ("Des Moines", 41.59, -93.62, "America/Chicago"), ("New Orleans", 29.95, -90.07, "America/Chicago"),
        ("New York", 40.71, -74.01, "America/New_York"), ("Boston", 42.36, -71.06, "America/New_York"),
        ("Los Angeles", 34.05, -118.24, "America/Los_Angeles"), ("Seattle", 47.61, -122.33, "America/Los_Angeles"),
        ("Denver", 39.74, -104.99, "America/Denver"), ("Miami", 25.76, -80.19, "America/New_York"),
        ("Toronto", 43.65, -79.38, "America/Toronto"), ("Montreal", 45.50, -73.57, "America/Toronto"),
        ("London", 51.51, -0.13, "Europe/London"), ("Manchester", 53.48, -2.24, "Europe/London"),
        ("Paris", 48.86, 2.35, "Europe/Paris"), ("Kyiv", 50.45, 30.52, "Europe/Kyiv"),
        ("Berlin", 52.52, 13.40, "Europe/Berlin"), ("Buenos Aires", -34.60, -58.38, "America/Argentina/Buenos_Aires"),
        ("São Paulo", -23.55, -46.63, "America/Sao_Paulo"), ("Melbourne", -37.81, 144.96, "Australia/Melbourne"),
        ("Sydney", -33.87, 151.21, "Australia/Sydney"), ("Johannesburg", -26.20, 28.05, "Africa/Johannesburg"),
        ("Cleveland", 41.50, -81.69, "America/New_York"), ("Atlanta", 33.75, -84.39, "America/New_York"),
        ("Phoenix", 33.45, -112.07, "America/Phoenix"), ("Budapest", 47.50, 19.04, "Europe/Budapest"),
    ].map { Place(name: $0.0, latitude: $0.1, longitude: $0.2, timeZoneIdentifier: $0.3) }

    /// Indices into `globalPlaces` of communities that can form one consortium: central, eastern
    /// and western North America (most partnerships, as in P2G), Europe, South America,
    /// Australia, and Kyiv with Johannesburg (two hours ahead of UTC, like Israel in winter).
    static let areas: [[Int]] = [
        [0, 1, 6, 22], [2, 3, 7, 8, 9, 20, 21], [10, 11, 12, 14, 23], [4, 5, 6, 22],
        [15, 16], [17, 18], [13, 19],
    ]

    static let jerusalem = Place(
        name: "Jerusalem", latitude: 31.778, longitude: 35.235, timeZoneIdentifier: "Asia/Jerusalem",
        candleLighting: .jerusalem)

    static let israeliWeek: [Weekday] = [.sunday, .monday, .tuesday, .wednesday, .thursday]
    static let diasporaWeek: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]

    init(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let now = try instant("2025-12-15T00:00:00Z")
        let start = try instant("2026-01-01T00:00:00Z")
        year = DateInterval(start: start, end: try instant("2027-01-01T00:00:00Z"))
        let horizon = DateInterval(start: start, end: try instant("2027-01-20T00:00:00Z"))

        var participants: [Participant] = []
        var venues: [Venue] = []
        var programs: [Program] = []
        var members: [[Participant.ID]] = []
        func add(_ id: String, _ name: String, _ place: Place, _ hours: WeeklyHours, _ comfortable: WeeklyHours)
            -> Participant.ID
        {
            let participant = Participant(
                id: Participant.ID(id), name: name, place: place, acceptableHours: hours, comfortableHours: comfortable,
                calendarAddress: "mailto:\(id)@example.org")
            participants.append(participant)
            return participant.id
        }

        // Agency staff: one partnership manager for every three partnerships, and a
        // Communities2Gether desk of eight, all in Jerusalem.
        let managers = (0..<15).map { index in
            add(
                "agency-manager-\(index)", "Agency partnership manager \(index + 1)", Self.jerusalem,
                WeeklyHours(on: Self.israeliWeek, .hours(8, 21)), WeeklyHours(on: Self.israeliWeek, .hours(9, 18)))
        }
        let desk = (0..<8).map { index in
            add(
                "agency-c2g-\(index)", "Agency Communities2Gether officer \(index + 1)", Self.jerusalem,
                WeeklyHours(on: Self.israeliWeek, .hours(8, 21)), WeeklyHours(on: Self.israeliWeek, .hours(9, 18)))
        }

        for partnership in 0..<45 {
            let region = Self.israeliPlaces[partnership % Self.israeliPlaces.count]
            // A consortium is regional, as Des Moines and 13 other US communities are.
            let area = Self.areas[partnership % Self.areas.count]
            let consortium = (0..<min(area.count, 1 + partnership % 3)).map {
                Self.globalPlaces[area[(partnership / Self.areas.count + $0) % area.count]]
            }
            let prefix = "p\(partnership)"
            let israeliCoordinator = add(
                "\(prefix)-il-coordinator", "\(region.name) coordinator", region,
                WeeklyHours(on: Self.israeliWeek, .hours(8, 21)), WeeklyHours(on: Self.israeliWeek, .hours(9, 18)))
            let israeliVolunteers = (0..<2).map { index in
                add(
                    "\(prefix)-il-volunteer-\(index)", "\(region.name) steering volunteer \(index + 1)", region,
                    WeeklyHours(on: Self.israeliWeek, .hours(8, 22)).adding(on: [.friday], .hours(8, 13)),
                    WeeklyHours(on: Self.israeliWeek, .hours(17, 22)))
            }
            var globalCoordinators: [Participant.ID] = []
            var globalVolunteers: [Participant.ID] = []
            for (index, place) in consortium.enumerated() {
                globalCoordinators.append(
                    add(
                        "\(prefix)-global-coordinator-\(index)", "\(place.name) partnership coordinator", place,
                        WeeklyHours(on: Self.diasporaWeek, .hours(7, 22)),
                        WeeklyHours(on: Self.diasporaWeek, .hours(9, 17))))
                globalVolunteers.append(
                    add(
                        "\(prefix)-global-volunteer-\(index)", "\(place.name) steering volunteer", place,
                        WeeklyHours(on: Self.diasporaWeek, .hours(7, 22)).adding(on: [.sunday], .hours(9, 20)),
                        WeeklyHours(on: Self.diasporaWeek, .hours(18, 22)).adding(on: [.sunday], .hours(10, 17))))
            }
            let manager = managers[partnership / 3]
            members.append([israeliCoordinator, manager] + israeliVolunteers + globalCoordinators + globalVolunteers)

            let centre = Venue.ID("\(prefix)-il-centre")
            venues.append(
                Venue(
                    id: centre, name: "\(region.name) community centre", place: region, capacity: 60,
                    openingHours: WeeklyHours(on: Self.israeliWeek, .hours(8, 22))))
            let hall = Venue.ID("\(prefix)-global-hall")
            venues.append(
                Venue(
                    id: hall, name: "\(consortium[0].name) federation hall", place: consortium[0], capacity: 120,
                    openingHours: WeeklyHours(on: Self.diasporaWeek, .hours(8, 22)).adding(on: [.sunday], .hours(9, 18))
                ))

            let steering = [israeliCoordinator, manager] + globalCoordinators
            let everyone = steering + israeliVolunteers + globalVolunteers
            func program(
                _ id: String, _ title: String, _ kind: ProgramKind, _ required: [Participant.ID],
                optional: [Participant.ID] = [],
                _ length: SessionLength, from: Date, days: Int, recurrence: Recurrence? = nil,
                format: ProgramFormat = .virtual, headcount: Int = 0
            ) {
                programs.append(
                    Program(
                        id: Program.ID("\(prefix)-\(id)"), title: "\(region.name) partnership: \(title)", kind: kind,
                        organiser: israeliCoordinator, format: format, required: required.map(Invitee.participant),
                        optional: optional.map(Invitee.participant),
                        sessions: [.single(length, additionalHeadcount: headcount)], earliestStart: from,
                        deadline: from + TimeInterval(days * 86_400), recurrence: recurrence))
            }
            func day(_ offset: Int) -> Date { start + TimeInterval(offset * 86_400) }

            program(
                "steering", "joint steering committee", .committeeMeeting, steering,
                optional: israeliVolunteers + globalVolunteers,
                .minutes(90), from: day(4 + partnership % 10), days: 12, recurrence: .monthly(count: 12))
            program(
                "education", "education subcommittee", .committeeMeeting,
                [israeliVolunteers[0], globalVolunteers[0], manager],
                .minutes(60), from: day(10 + partnership % 20), days: 16, recurrence: .quarterly(years: 1))
            program(
                "economic", "economic development subcommittee", .committeeMeeting,
                [israeliVolunteers[1], globalCoordinators[0], manager], .minutes(60), from: day(18 + partnership % 20),
                days: 16,
                recurrence: .quarterly(years: 1))
            let missionStart = Int.random(in: 40..<300, using: &random)
            program(
                "mission", "mission from \(consortium[0].name)", .delegation,
                [israeliCoordinator, globalCoordinators[0], globalVolunteers[0]],
                .days(3 + partnership % 3), from: day(missionStart), days: 35,
                format: .inPerson(venues: [centre], observance: .travellersHomeSchedule), headcount: 25)
            let visitStart = Int.random(in: 20..<320, using: &random)
            program(
                "visit", "visit of Israeli teachers and musicians", .visit,
                [israeliVolunteers[0], globalCoordinators[0]],
                .days(1 + partnership % 2), from: day(visitStart), days: 30,
                format: .inPerson(venues: [hall], observance: .travellersHomeSchedule), headcount: 60)

            if partnership < 25 {
                let team =
                    [israeliCoordinator, israeliVolunteers[0], globalCoordinators[0], globalVolunteers[0]]
                    + [desk[partnership % 8], manager]
                program(
                    "roadmap", "Communities2Gether road-map review", .roadMapReview, team, .minutes(120),
                    from: day(25 + partnership), days: 14, recurrence: .quarterly(years: 1))
                for index in 0..<3 {
                    let from = Int.random(in: 0..<340, using: &random)
                    program(
                        "needs-\(index)", "Communities2Gether needs assessment \(index + 1)", .needsAssessment,
                        Array(team.prefix(4)), .minutes(90), from: day(from),
                        days: Int.random(in: 7..<21, using: &random))
                }
            }
            for index in 0..<3 {
                let from = Int.random(in: 0..<345, using: &random)
                let invited = everyone.shuffled(using: &random).prefix(Int.random(in: 2...4, using: &random))
                program(
                    "project-\(index)", "project meeting \(index + 1)", .committeeMeeting, Array(invited),
                    .minutes([45, 60, 90].randomElement(using: &random) ?? 60), from: day(from),
                    days: Int.random(in: 5..<20, using: &random))
            }
        }

        // Conferences, each with a plenary, three parallel workshops and a panel.
        for conference in 0..<6 {
            let place = Self.globalPlaces[conference * 4 % Self.globalPlaces.count]
            let rooms = [("hall", 200), ("room-1", 60), ("room-2", 40)].map { name, capacity in
                Venue(
                    id: Venue.ID("conference-\(conference)-\(name)"), name: "\(place.name) conference centre, \(name)",
                    place: place, capacity: capacity, openingHours: WeeklyHours(on: Self.diasporaWeek, .hours(8, 19)))
            }
            venues += rooms
            let speakers = (0..<4).map { index in
                add(
                    "conference-\(conference)-speaker-\(index)", "\(place.name) conference speaker \(index + 1)", place,
                    WeeklyHours(on: Self.diasporaWeek, .hours(8, 19)), WeeklyHours(on: Self.diasporaWeek, .hours(9, 17))
                )
            }
            let opening = Int.random(in: 30..<330, using: &random)
            let clock = try TimeZoneClock(place.timeZoneIdentifier)
            let monday = clock.nextMonday(atHour: 8, after: start + TimeInterval(opening * 86_400))
            let sessions =
                [
                    SessionPlan(
                        id: "plenary", title: "Opening plenary", length: .minutes(120), venues: [rooms[0].id],
                        additionalHeadcount: 150),
                    SessionPlan(
                        id: "panel", title: "Panel", length: .minutes(60), venues: [rooms[0].id],
                        additionalHeadcount: 120),
                ]
                + (0..<3).map { index in
                    SessionPlan(
                        id: SessionPlan.ID("workshop-\(index)"), title: "Workshop \(index + 1)", length: .minutes(90),
                        required: [.participant(speakers[index + 1])], additionalHeadcount: [55, 38, 30][index])
                }
            programs.append(
                Program(
                    id: Program.ID("conference-\(conference)"), title: "\(place.name) partnership conference",
                    kind: .conference,
                    organiser: speakers[0], format: .inPerson(venues: rooms.map(\.id), observance: .venueOnly),
                    required: speakers.map(Invitee.participant), sessions: sessions, earliestStart: monday,
                    deadline: monday + 34 * 3600))
        }

        // The rest: one-off school-twinning and youth meetings, to 500 programs.
        var index = 0
        while programs.count < 500 {
            let partnership = index % 45
            let invited = members[partnership].shuffled(using: &random).prefix(2)
            let from = start + TimeInterval(Int.random(in: 0..<340, using: &random) * 86_400)
            programs.append(
                Program(
                    id: Program.ID("p\(partnership)-twinning-\(index)"), title: "School twinning meeting",
                    kind: .committeeMeeting,
                    organiser: invited[invited.startIndex], required: invited.map(Invitee.participant),
                    sessions: [.single(.minutes(60))], earliestStart: from, deadline: from + 14 * 86_400))
            index += 1
        }

        problem = try SchedulingProblem(
            participants: participants, venues: venues, programs: programs, horizon: horizon, now: now)
        partnershipMembers = members
    }

    /// A new joint meeting for a partnership, to insert into the year's schedule: two to four
    /// of its members, an hour, within three days to two weeks.
    static func newMeeting(_ number: Int, members: [Participant.ID], in year: DateInterval, random: inout SplitMix64)
        -> Program
    {
        let invited = members.shuffled(using: &random).prefix(Int.random(in: 2...4, using: &random))
        let from = year.start + TimeInterval(Int.random(in: 0..<340, using: &random) * 86_400)
        let days = Int.random(in: 3...14, using: &random)
        return Program(
            id: Program.ID("new-meeting-\(number)"), title: "Joint meeting \(number)", kind: .committeeMeeting,
            organiser: invited[invited.startIndex], required: invited.map(Invitee.participant),
            sessions: [.single(.minutes(60))], earliestStart: from, deadline: from + TimeInterval(days * 86_400))
    }
}

extension BenchmarkYear {
    /// An urgent hour for the people of an existing session, which only fits the time that
    /// session already takes: inserting it has to move the session.
    static func urgentMeeting(_ number: Int, over session: Placement) -> Program {
        Program(
            id: Program.ID("urgent-meeting-\(number)"), title: "Urgent joint meeting \(number)",
            kind: .committeeMeeting,
            organiser: session.attendees[0], required: session.attendees.map(Invitee.participant),
            sessions: [.single(.minutes(60))], earliestStart: session.start, deadline: session.end)
    }
}
