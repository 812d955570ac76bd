/// A program as the engine works with it: invitees expanded to participant indices, venues to
/// venue indices, and each occurrence's window computed. Built once when the problem is checked.
struct ResolvedProgram: Sendable {
    /// `[earliest start, deadline)` of each occurrence.
    let windows: [Span]
    /// Parallel to the program's sessions.
    let sessions: [ResolvedSession]
    /// The organiser's participant index; a series keeps its time of day on their clock.
    let organiser: Int
}
