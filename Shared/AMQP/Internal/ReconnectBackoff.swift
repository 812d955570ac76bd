/// The waits between reconnection attempts: doubling from the initial delay up to the
/// maximum, with up to a fifth taken off at random so that many clients cut off together do
/// not all come back at the same instant.
struct ReconnectBackoff {
    let initialDelay: Duration
    let maxDelay: Duration

    /// The wait before attempt `attempt` (0 for the first).
    func delay(beforeAttempt attempt: Int, jitter: Double = Double.random(in: 0...0.2)) -> Duration {
        var delay = initialDelay
        var step = 0
        while step < attempt, delay < maxDelay {
            delay *= 2
            step += 1
        }
        delay = min(delay, maxDelay)
        return delay * (1 - min(max(jitter, 0), 1))
    }
}
