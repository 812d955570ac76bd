/// Where a delivery stands.
enum DeliveryStatus: String, Sendable, CaseIterable {
    /// Recorded, waiting for its turn.
    case queued
    /// Held until a later instant: Shabbat or a festival, quiet hours, or a retry's backoff.
    case deferred
    /// Handed to the channel, which has not yet answered (only inside the sending transaction).
    case sending
    /// The channel took it.
    case sent
    /// Refused for good, or temporary failures past the last retry.
    case failed
    /// Taken, then returned by the recipient's server.
    case bounced
    /// Never sent, by the recipient's wish or because there is no one to send it to.
    case suppressed
}
