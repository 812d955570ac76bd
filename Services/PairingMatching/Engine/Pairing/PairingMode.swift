/// How a result was computed.
public enum PairingMode: Hashable, Sendable {
    /// The best total score within every rule.
    case optimal
    /// Deferred acceptance with the given side proposing.
    case stable(proposing: CommunitySide)
}
