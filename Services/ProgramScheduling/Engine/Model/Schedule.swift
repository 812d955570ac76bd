/// Where and when every session of a set of programs takes place, and what could not be placed.
public struct Schedule: Sendable, Hashable {
    /// The placed sessions, by start time, then by key.
    public let placements: [Placement]
    /// The sessions that could not be placed, by key.
    public let unplaced: [UnplacedSession]

    /// Creates a schedule; placements are put in chronological order and unplaced sessions in
    /// key order.
    public init(placements: [Placement], unplaced: [UnplacedSession] = []) {
        self.placements = placements.sorted(by: Placement.chronological)
        self.unplaced = unplaced.sorted { $0.key < $1.key }
    }

    /// The placement of a session, if it was placed.
    public func placement(of key: SessionKey) -> Placement? {
        placements.first { $0.key == key }
    }

    /// The placements of a program's sessions, in chronological order.
    public func placements(of program: Program.ID) -> [Placement] {
        placements.filter { $0.key.program == program }
    }

    /// The sessions a participant attends, in chronological order.
    public func placements(attendedBy participant: Participant.ID) -> [Placement] {
        placements.filter { $0.attendees.contains(participant) }
    }
}
