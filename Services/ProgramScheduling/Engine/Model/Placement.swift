import Foundation

/// One session placed at a time, with its venue and who attends.
public struct Placement: Sendable, Hashable {
    /// Which session of which occurrence.
    public let key: SessionKey
    /// When it begins.
    public let start: Date
    /// When it ends.
    public let end: Date
    /// Where, for an in-person session.
    public let venue: Venue.ID?
    /// Who attends: every required invitee and the optional invitees who can, sorted by id.
    public let attendees: [Participant.ID]
    /// Optional invitees who cannot attend at this time, sorted by id.
    public let absentees: [Participant.ID]

    /// Creates a placement.
    public init(
        key: SessionKey, start: Date, end: Date, venue: Venue.ID? = nil, attendees: [Participant.ID],
        absentees: [Participant.ID] = []
    ) {
        self.key = key
        self.start = start
        self.end = end
        self.venue = venue
        self.attendees = attendees.sorted()
        self.absentees = absentees.sorted()
    }

    /// `[start, end)`.
    public var interval: DateInterval {
        DateInterval(start: start, end: end)
    }

    /// Orders by start, then by key.
    static func chronological(_ lhs: Placement, _ rhs: Placement) -> Bool {
        (lhs.start, lhs.key) < (rhs.start, rhs.key)
    }
}
