/// What a replay did, message by message.
public struct ReplayReport: Sendable, Equatable {
    /// A message the broker confirmed on its original queue and that left the dead-letter queue.
    public struct Replayed: Sendable, Equatable {
        public var message: ParkedMessage
        public var queue: String
    }

    /// A message left parked, and why.
    public struct Kept: Sendable, Equatable {
        public var message: ParkedMessage
        public var why: String
    }

    /// Moved back.
    public var replayed: [Replayed] = []
    /// Published to its queue, but the parked copy could not be removed (the connection
    /// dropped before the acknowledgement): it is still parked. Replaying it again is
    /// harmless: consumers skip a message id they have handled.
    public var stillParkedAfterReplay: [Replayed] = []
    /// Left where they were.
    public var kept: [Kept] = []
    /// How many parked messages were looked at.
    public var examined = 0
    /// Why the replay stopped before it was done, if it did.
    public var interruption: String?

    /// Whether every selected message was moved back.
    public var isComplete: Bool { kept.isEmpty && stillParkedAfterReplay.isEmpty && interruption == nil }
}
