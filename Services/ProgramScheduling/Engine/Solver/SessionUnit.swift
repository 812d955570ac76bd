/// One session of one occurrence: the thing the solver places.
struct SessionUnit: Sendable {
    let key: SessionKey
    /// Index of the program in the problem.
    let program: Int
    /// Index of the session in the program.
    let session: Int
    let plan: ResolvedSession
    /// `[earliest start, deadline)` of the occurrence.
    let window: Span

    var occurrence: Int {
        key.occurrence
    }

    /// The units of one program: occurrence by occurrence, sessions in the program's order.
    static func units(ofProgram index: Int, in problem: SchedulingProblem) -> [SessionUnit] {
        let program = problem.programs[index]
        let resolved = problem.resolved[index]
        return resolved.windows.enumerated().flatMap { occurrence, window in
            program.sessions.enumerated().map { session, plan in
                SessionUnit(
                    key: SessionKey(program: program.id, occurrence: occurrence, session: plan.id),
                    program: index, session: session, plan: resolved.sessions[session], window: window)
            }
        }
    }

    /// The length of the session in seconds when it is measured in minutes.
    var seconds: Int? {
        if case .minutes(let minutes) = plan.length { return minutes * 60 }
        return nil
    }
}
