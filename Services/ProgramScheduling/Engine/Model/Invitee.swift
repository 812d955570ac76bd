/// Who a program invites: one participant, or every member of a community.
public enum Invitee: Sendable, Hashable {
    /// One participant.
    case participant(Participant.ID)
    /// Every participant whose community this is.
    case community(Community.ID)
}
