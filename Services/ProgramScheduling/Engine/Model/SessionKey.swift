/// Names one session of one occurrence of a program: what a placement places.
public struct SessionKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The program.
    public let program: Program.ID
    /// The occurrence, 0 for the first.
    public let occurrence: Int
    /// The session within the program.
    public let session: SessionPlan.ID

    /// Creates a key.
    public init(program: Program.ID, occurrence: Int = 0, session: SessionPlan.ID = "main") {
        self.program = program
        self.occurrence = occurrence
        self.session = session
    }

    public static func < (lhs: SessionKey, rhs: SessionKey) -> Bool {
        (lhs.program, lhs.occurrence, lhs.session) < (rhs.program, rhs.occurrence, rhs.session)
    }

    /// `program#occurrence/session`, e.g. `roadmap-sderot#3/main`.
    public var description: String {
        "\(program)#\(occurrence)/\(session)"
    }
}
