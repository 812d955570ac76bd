import Foundation
import SchedulingEngine
import Testing

@Suite("Bad input is a thrown error that names what is wrong")
struct InvalidInputTests {
    static let sderot = person(
        "sderot-coordinator", "Sderot coordinator", at: Places.sderot, hours: Hours.israeliWeek(8, 20))
    static let desMoines = person(
        "des-moines-chair", "Des Moines chair", at: Places.desMoines, hours: Hours.diasporaWeek(8, 20))

    static func meeting(_ id: Program.ID = "steering", earliest: String, deadline: String, invite: [Invitee]? = nil)
        throws
        -> Program
    {
        Program(
            id: id, title: "Joint steering committee", kind: .committeeMeeting, organiser: "sderot-coordinator",
            required: invite ?? [.participant("sderot-coordinator"), .participant("des-moines-chair")],
            sessions: [.single(.minutes(60))], earliestStart: try instant(earliest), deadline: try instant(deadline))
    }

    static func problem(
        participants: [Participant] = [sderot, desMoines], programs: [Program], fixed: [Placement] = [],
        horizonDays: Double = 60
    ) throws -> SchedulingProblem {
        try SchedulingProblem(
            participants: participants, programs: programs,
            horizon: DateInterval(start: try instant("2026-01-01T00:00:00Z"), duration: horizonDays * 86_400),
            now: try instant("2026-01-01T00:00:00Z"), fixed: fixed)
    }

    @Test("A deadline before the earliest start names the program and both instants")
    func deadlineBeforeEarliestStart() throws {
        let program = try Self.meeting(earliest: "2026-01-10T00:00:00Z", deadline: "2026-01-05T00:00:00Z")
        let error = #expect(throws: SchedulingError.self) { try Self.problem(programs: [program]) }
        #expect(error?.code == .deadlineBeforeEarliestStart)
        #expect(
            error?.description
                == "program \"Joint steering committee\" (steering) has its deadline 2026-01-05 00:00 UTC before its earliest start 2026-01-10 00:00 UTC"
        )
    }

    @Test("An unknown time zone names the participant and the zone")
    func unknownTimeZone() throws {
        var melbourne = Places.melbourne
        melbourne.timeZoneIdentifier = "Australia/Melborne"
        let participant = person("melbourne-coordinator", "Melbourne coordinator", at: melbourne, hours: .always)
        let program = try Self.meeting(earliest: "2026-01-05T00:00:00Z", deadline: "2026-01-10T00:00:00Z")
        let error = #expect(throws: SchedulingError.self) {
            try Self.problem(participants: [Self.sderot, Self.desMoines, participant], programs: [program])
        }
        #expect(error?.code == .unknownTimeZone)
        #expect(error?.description.contains("participant \"Melbourne coordinator\" (melbourne-coordinator)") == true)
        #expect(error?.description.contains("\"Australia/Melborne\" is not in the IANA time zone database") == true)
    }

    @Test("A participant in two places at once in the fixed part of a schedule is named with both sessions")
    func doubleBookedFixedPlacements() throws {
        let steering = try Self.meeting(earliest: "2026-01-05T00:00:00Z", deadline: "2026-01-10T00:00:00Z")
        let needs = try Self.meeting(
            "needs", earliest: "2026-01-05T00:00:00Z", deadline: "2026-01-10T00:00:00Z",
            invite: [.participant("des-moines-chair")])
        let fixed = [
            Placement(
                key: SessionKey(program: "steering"), start: try instant("2026-01-05T14:00:00Z"),
                end: try instant("2026-01-05T15:00:00Z"), attendees: ["sderot-coordinator", "des-moines-chair"]),
            Placement(
                key: SessionKey(program: "needs"), start: try instant("2026-01-05T14:30:00Z"),
                end: try instant("2026-01-05T15:30:00Z"), attendees: ["des-moines-chair"]),
        ]
        let error = #expect(throws: SchedulingError.self) {
            try Self.problem(programs: [steering, needs], fixed: fixed)
        }
        #expect(error?.code == .doubleBookedFixedPlacement)
        #expect(
            error?.description
                == "participant \"Des Moines chair\" (des-moines-chair) is in two places at once in the fixed part of the schedule: steering#0/main (2026-01-05 14:00 UTC to 2026-01-05 15:00 UTC) and needs#0/main (2026-01-05 14:30 UTC to 2026-01-05 15:30 UTC)"
        )
    }

    @Test("Sessions that already began and overlap for one person make an insert fail, naming them")
    func doubleBookedPastSessionsOnInsert() throws {
        let steering = try Self.meeting(earliest: "2026-01-05T00:00:00Z", deadline: "2026-01-10T00:00:00Z")
        let needs = try Self.meeting(
            "needs", earliest: "2026-01-05T00:00:00Z", deadline: "2026-01-10T00:00:00Z",
            invite: [.participant("des-moines-chair")])
        let problem = try SchedulingProblem(
            participants: [Self.sderot, Self.desMoines], programs: [steering, needs],
            horizon: DateInterval(start: try instant("2026-01-01T00:00:00Z"), duration: 60 * 86_400),
            now: try instant("2026-01-07T00:00:00Z"))
        let schedule = Schedule(placements: [
            Placement(
                key: SessionKey(program: "steering"), start: try instant("2026-01-05T14:00:00Z"),
                end: try instant("2026-01-05T15:00:00Z"), attendees: ["sderot-coordinator", "des-moines-chair"]),
            Placement(
                key: SessionKey(program: "needs"), start: try instant("2026-01-05T14:00:00Z"),
                end: try instant("2026-01-05T15:00:00Z"), attendees: ["des-moines-chair"]),
        ])
        let new = try Self.meeting("review", earliest: "2026-01-12T00:00:00Z", deadline: "2026-01-16T00:00:00Z")
        let error = #expect(throws: SchedulingError.self) {
            try ProgramScheduler.insert(new, into: schedule, of: problem)
        }
        #expect(error?.code == .doubleBookedFixedPlacement)
        #expect(error?.description.contains("Des Moines chair") == true)
    }

    @Test("References to people that do not exist name the program and the missing id")
    func unknownInvitee() throws {
        let program = try Self.meeting(
            earliest: "2026-01-05T00:00:00Z", deadline: "2026-01-10T00:00:00Z",
            invite: [.participant("sderot-coordinator"), .participant("melbourne-coordinator")])
        let error = #expect(throws: SchedulingError.self) { try Self.problem(programs: [program]) }
        #expect(error?.code == .unknownReference)
        #expect(
            error?.description
                == "session \"main\" of program \"Joint steering committee\" (steering) invites unknown participant \"melbourne-coordinator\""
        )
    }

    @Test("Duplicate ids, hours that run backwards, empty recurrences and over-long horizons are rejected")
    func otherBadInput() throws {
        let program = try Self.meeting(earliest: "2026-01-05T00:00:00Z", deadline: "2026-01-10T00:00:00Z")
        let duplicate = #expect(throws: SchedulingError.self) {
            try Self.problem(participants: [Self.sderot, Self.sderot, Self.desMoines], programs: [program])
        }
        #expect(duplicate?.code == .duplicateIdentifier)

        let backwards = person(
            "des-moines-chair", "Des Moines chair", at: Places.desMoines, hours: .daily(.hours(18, 8)))
        let hours = #expect(throws: SchedulingError.self) {
            try Self.problem(participants: [Self.sderot, backwards], programs: [program])
        }
        #expect(hours?.code == .invalidHours)
        #expect(hours?.description.contains("participant \"Des Moines chair\" (des-moines-chair)") == true)

        var never = program
        never.recurrence = Recurrence(every: .months(3), count: 0)
        let recurrence = #expect(throws: SchedulingError.self) { try Self.problem(programs: [never]) }
        #expect(recurrence?.code == .invalidQuantity)

        let horizon = #expect(throws: SchedulingError.self) { try Self.problem(programs: [program], horizonDays: 4000) }
        #expect(horizon?.code == .invalidHorizon)
    }
}
