import Foundation
import UUIDText

/// A registration found every seat taken and waits in line: `scheduling.registration-waitlisted.v1`, correlated by the program's id. `position` is its place in the line when it joined it (1 is next). A registration names a volunteer by id, or a participant
/// the registry does not know, whose name stays in the scheduling service.
public struct RegistrationWaitlisted: IntegrationEvent {
    public static let eventType = MessageType(service: "scheduling", name: "registration-waitlisted", version: 1)

    @LowercasedUUID public var registrationId: UUID
    @LowercasedUUID public var programId: UUID
    /// The session registered for (a lower-case UUID); absent for the whole program.
    public var sessionId: String?
    /// The volunteer registered (a lower-case UUID); absent for a named participant.
    public var volunteerId: String?
    /// Its place in the line when it joined it, 1 for the next.
    public var position: Int
    public var waitlistedAt: Date

    public init(registrationId: UUID, programId: UUID, sessionId: UUID?, volunteerId: UUID?, position: Int, waitlistedAt: Date) {
        self.registrationId = registrationId
        self.programId = programId
        self.sessionId = sessionId?.lowercasedText
        self.volunteerId = volunteerId?.lowercasedText
        self.position = position
        self.waitlistedAt = waitlistedAt
    }
}
