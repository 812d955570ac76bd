import Foundation
import UUIDText

/// A placed session moved (a participant became unavailable, a venue closed):
/// `scheduling.session-rescheduled.v1`, correlated by the program's id. `sequence` is the
/// session's iCalendar SEQUENCE after the move.
public struct SessionRescheduled: IntegrationEvent {
    public static let eventType = MessageType(service: "scheduling", name: "session-rescheduled", version: 1)

    @LowercasedUUID public var programId: UUID
    /// The program's title in each language, BCP 47 tag → title.
    public var titles: [String: String]
    public var session: ScheduledSession
    public var previousStartsAt: Date
    public var previousEndsAt: Date
    /// Raised on every move; calendars replace the event they hold with a lower one.
    public var sequence: Int
    /// e.g. `participant-unavailable`, `venue-closed`.
    public var reason: String
    public var rescheduledAt: Date

    public init(
        programId: UUID, titles: [String: String], session: ScheduledSession, previousStartsAt: Date, previousEndsAt: Date,
        sequence: Int, reason: String, rescheduledAt: Date
    ) {
        self.programId = programId
        self.titles = titles
        self.session = session
        self.previousStartsAt = previousStartsAt
        self.previousEndsAt = previousEndsAt
        self.sequence = sequence
        self.reason = reason
        self.rescheduledAt = rescheduledAt
    }
}
