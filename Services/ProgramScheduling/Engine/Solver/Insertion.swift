/// The result of inserting a program into a schedule.
public struct Insertion: Sendable {
    /// The problem with the program added, against which the schedule can be checked.
    public let problem: SchedulingProblem
    /// The schedule with the program's sessions placed.
    public let schedule: Schedule
    /// The existing sessions that moved to make room, by key.
    public let moves: [Move]
}
