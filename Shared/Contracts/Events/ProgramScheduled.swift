import Foundation
import UUIDText

/// A program's sessions were placed: `scheduling.program-scheduled.v1`, correlated by the
/// program's id (or, for a joint team's meetings, by the message that asked for them). Carries
/// what a notification needs (titles per language, instants, time zone or venue, who takes
/// part by volunteer id), never names or contact details.
public struct ProgramScheduled: IntegrationEvent {
    public static let eventType = MessageType(service: "scheduling", name: "program-scheduled", version: 1)

    @LowercasedUUID public var programId: UUID
    /// e.g. `joint-team-meeting`, `conference`, `committee-meeting`.
    public var kind: String
    /// The partnership the program belongs to (a lower-case UUID), when it belongs to one.
    public var partnershipId: String?
    /// The joint team whose meetings these are (a lower-case UUID), for a joint-team meeting.
    public var teamId: String?
    /// The title in each language, BCP 47 tag → title.
    public var titles: [String: String]
    /// The IANA time zone the program is organised in.
    public var timeZone: String
    public var sessions: [ScheduledSession]
    public var scheduledAt: Date

    public init(
        programId: UUID, kind: String, partnershipId: UUID?, teamId: UUID?, titles: [String: String], timeZone: String,
        sessions: [ScheduledSession], scheduledAt: Date
    ) {
        self.programId = programId
        self.kind = kind
        self.partnershipId = partnershipId?.lowercasedText
        self.teamId = teamId?.lowercasedText
        self.titles = titles
        self.timeZone = timeZone
        self.sessions = sessions
        self.scheduledAt = scheduledAt
    }
}

/// One placed session of a program, as the scheduling events carry it.
public struct ScheduledSession: Codable, Sendable, Equatable {
    @LowercasedUUID public var sessionId: UUID
    /// The occurrence of a recurring program, 0 for the first.
    public var occurrence: Int
    /// The session's own title in each language; absent when it has the program's.
    public var titles: [String: String]?
    public var startsAt: Date
    public var endsAt: Date
    /// True for a session held online; false for one at a venue.
    public var virtual: Bool
    /// The venue of an in-person session (a lower-case UUID).
    public var venueId: String?
    /// The time zone of the venue, or the program's for a virtual session.
    public var timeZone: String
    /// Who is expected, by registry volunteer id (lower-case UUIDs).
    public var participantVolunteerIds: [String]

    public init(
        sessionId: UUID, occurrence: Int, titles: [String: String]?, startsAt: Date, endsAt: Date, virtual: Bool, venueId: UUID?,
        timeZone: String, participantVolunteerIds: [UUID]
    ) {
        self.sessionId = sessionId
        self.occurrence = occurrence
        self.titles = titles
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.virtual = virtual
        self.venueId = venueId?.lowercasedText
        self.timeZone = timeZone
        self.participantVolunteerIds = participantVolunteerIds.map(\.lowercasedText)
    }
}
