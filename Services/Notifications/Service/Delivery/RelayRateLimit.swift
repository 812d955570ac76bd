/// At most so many messages a second towards the relay: each send waits for its slot.
actor RelayRateLimit {
    private let interval: Duration
    private var nextSlot: ContinuousClock.Instant

    init(messagesPerSecond: Int) {
        interval = .seconds(1) / messagesPerSecond
        nextSlot = .now
    }

    /// Returns when the next message may go.
    func acquire() async throws {
        let now = ContinuousClock.now
        let slot = max(now, nextSlot)
        nextSlot = slot + interval
        if slot > now { try await Task.sleep(until: slot, clock: .continuous) }
    }
}
