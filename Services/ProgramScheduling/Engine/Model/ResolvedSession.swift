/// One session with everything resolved to indices.
struct ResolvedSession: Sendable {
    /// Who must attend, as participant indices in id order.
    let required: [Int]
    /// Who may attend, in id order, none of them required.
    let optional: [Int]
    /// Venue indices in order of preference; empty for a virtual session.
    let venues: [Int]
    /// Everyone who might come: invitees plus the additional headcount.
    let headcount: Int
    /// The session's length.
    let length: SessionLength
    /// Shabbat and festival rules for travellers, for an in-person session.
    let observance: InPersonObservance?
}
