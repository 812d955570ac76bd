import Foundation
import SchedulingEngine
import Testing

@Suite("A conference with parallel workshops and room capacities")
struct ConferenceTests {
    static let weekdays = Hours.diasporaWeek(8, 18)

    /// The New Orleans emergency-medicine conference: a plenary and a panel for everyone, and
    /// three workshops, each led by its own facilitator, for 70, 55 and 35 people.
    static func problem(plenaryHeadcount: Int = 100) throws -> SchedulingProblem {
        let organiser = person(
            "nola-coordinator", "New Orleans federation coordinator", at: Places.newOrleans, hours: weekdays)
        // Visiting faculty from the Western Galilee: on the trip, the conference sets their hours.
        let facilitators = [
            ("triage-facilitator", "Crisis triage facilitator"),
            ("evacuation-facilitator", "Hospital evacuation facilitator"),
            ("hazmat-facilitator", "Hazmat containment facilitator"),
        ].map { person($0.0, $0.1, at: Places.westernGalilee, hours: .always) }
        let rooms = [
            Venue(
                id: "hall-a", name: "Tulane Medical Center, Hall A", place: Places.newOrleans, capacity: 150,
                openingHours: weekdays),
            Venue(
                id: "room-b", name: "Tulane Medical Center, Room B", place: Places.newOrleans, capacity: 60,
                openingHours: weekdays),
            Venue(
                id: "room-c", name: "Tulane Medical Center, Room C", place: Places.newOrleans, capacity: 40,
                openingHours: weekdays),
        ]
        let everyone: [Invitee] = [
            .participant("nola-coordinator"), .participant("triage-facilitator"),
            .participant("evacuation-facilitator"), .participant("hazmat-facilitator"),
        ]
        let conference = Program(
            id: "niperm", title: "New Orleans/Israel Partnership on Emergency Response and Medicine", kind: .conference,
            organiser: "nola-coordinator",
            format: .inPerson(venues: ["hall-a", "room-b", "room-c"], observance: .travellersHomeSchedule),
            required: everyone,
            sessions: [
                SessionPlan(
                    id: "plenary", title: "Opening plenary", length: .minutes(120), venues: ["hall-a"],
                    additionalHeadcount: plenaryHeadcount),
                SessionPlan(
                    id: "panel", title: "Panel: lessons from Katrina", length: .minutes(60), venues: ["hall-a"],
                    additionalHeadcount: 90),
                SessionPlan(
                    id: "triage", title: "Workshop: crisis triage", length: .minutes(90),
                    required: [.participant("triage-facilitator")], additionalHeadcount: 69),
                SessionPlan(
                    id: "evacuation", title: "Workshop: hospital evacuation", length: .minutes(90),
                    required: [.participant("evacuation-facilitator")], additionalHeadcount: 54),
                SessionPlan(
                    id: "hazmat", title: "Workshop: hazmat and neighbourhood containment", length: .minutes(90),
                    required: [.participant("hazmat-facilitator")], additionalHeadcount: 34),
            ],
            earliestStart: try instant("2025-12-08T14:00:00Z"), deadline: try instant("2025-12-10T00:00:00Z"))
        return try SchedulingProblem(
            participants: [organiser] + facilitators, venues: rooms, programs: [conference],
            horizon: DateInterval(start: try instant("2025-12-01T00:00:00Z"), duration: 30 * 86_400),
            now: try instant("2025-12-01T00:00:00Z"))
    }

    @Test("The workshops run side by side after the plenary and panel, each in a room that holds it")
    func parallelWorkshops() throws {
        let problem = try Self.problem()
        let schedule = solveAndCheck(problem)
        #expect(schedule.unplaced.isEmpty)
        func session(_ id: SessionPlan.ID) throws -> Placement {
            try #require(schedule.placement(of: SessionKey(program: "niperm", session: id)))
        }
        // Monday 8 December, 08:00 in New Orleans (UTC-6).
        #expect(try session("plenary").start == (try instant("2025-12-08T14:00:00Z")))
        #expect(try session("panel").start == (try instant("2025-12-08T16:00:00Z")))
        let workshops = try ["triage", "evacuation", "hazmat"].map { try session(SessionPlan.ID($0)) }
        for workshop in workshops {
            #expect(workshop.start == (try instant("2025-12-08T17:00:00Z")), "\(workshop.key)")
        }
        // 70 people fit only Hall A, 55 Hall A or Room B, 35 any room.
        #expect(workshops.map(\.venue) == ["hall-a", "room-b", "room-c"])
        // 08:00 to 12:30 in New Orleans, two hours of it the plenary.
        #expect(SoftScore(schedule, of: problem).conferenceSpreadHours == 2.5)
    }

    @Test("A plenary for more people than any room holds is unplaceable, for want of a room")
    func noRoomBigEnough() throws {
        let problem = try Self.problem(plenaryHeadcount: 200)
        let schedule = solveAndCheck(problem)
        let unplaced = try #require(schedule.unplaced.first)
        #expect(unplaced.key == SessionKey(program: "niperm", session: "plenary"))
        #expect(unplaced.explanation.rules == [.venueCapacity(headcount: 204)])
        #expect(unplaced.explanation.sentence == "no 120-minute slot in a venue that holds 204 people")
        #expect(schedule.placements.count == 4)
    }
}
