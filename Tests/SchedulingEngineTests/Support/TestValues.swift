import Foundation
import SchedulingEngine
import Testing

/// An instant written as ISO 8601 with its offset, e.g. "2026-01-05T19:00:00Z".
func instant(_ text: String) throws -> Date {
    let formatter = ISO8601DateFormatter()
    return try #require(formatter.date(from: text), "not an ISO 8601 instant: \(text)")
}

/// A participant with the given hours.
func person(
    _ id: String, _ name: String, at place: Place, community: Community.ID? = nil, hours: WeeklyHours,
    comfortable: WeeklyHours? = nil, unavailable: [DateInterval] = []
) -> Participant {
    Participant(
        id: Participant.ID(id), name: name, place: place, community: community, acceptableHours: hours,
        comfortableHours: comfortable, unavailable: unavailable, calendarAddress: "mailto:\(id)@example.org")
}

/// Solves and checks the result with the independent checker, failing the test on any
/// violation of a hard rule.
func solveAndCheck(_ problem: SchedulingProblem, sourceLocation: SourceLocation = #_sourceLocation) -> Schedule {
    let schedule = ProgramScheduler.solve(problem)
    expectValid(schedule, problem, sourceLocation: sourceLocation)
    return schedule
}

/// Fails the test on any violation of a hard rule.
func expectValid(_ schedule: Schedule, _ problem: SchedulingProblem, sourceLocation: SourceLocation = #_sourceLocation) {
    let violations = ScheduleChecker.violations(in: schedule, of: problem)
    #expect(violations.isEmpty, "\(violations.map(\.description))", sourceLocation: sourceLocation)
}

/// The one placement of a single-session, single-occurrence program.
func placement(of program: Program.ID, in schedule: Schedule, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> Placement
{
    try #require(schedule.placement(of: SessionKey(program: program)), sourceLocation: sourceLocation)
}
