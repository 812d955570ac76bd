/// Which parked messages a replay moves back.
public enum ReplaySelection: Sendable, Equatable {
    /// Every parked copy of the message with this `message_id`.
    case message(id: String)
    /// Every message parked when the replay starts (not those parked while it runs, so that
    /// a message that fails again at once cannot keep it going).
    case all
}

extension ReplaySelection {
    /// Whether a parked message is one of those selected.
    func includes(_ message: ParkedMessage) -> Bool {
        switch self {
        case .all: true
        case .message(let id): message.messageID?.lowercased() == id.lowercased()
        }
    }
}
