import Foundation
import UUIDText

/// A registration took a seat: `scheduling.registration-confirmed.v1`, correlated by the program's id. A registration names a volunteer by id, or a participant
/// the registry does not know, whose name stays in the scheduling service.
public struct RegistrationConfirmed: IntegrationEvent {
    public static let eventType = MessageType(service: "scheduling", name: "registration-confirmed", version: 1)

    @LowercasedUUID public var registrationId: UUID
    @LowercasedUUID public var programId: UUID
    /// The session registered for (a lower-case UUID); absent for the whole program.
    public var sessionId: String?
    /// The volunteer registered (a lower-case UUID); absent for a named participant.
    public var volunteerId: String?
    public var confirmedAt: Date

    public init(registrationId: UUID, programId: UUID, sessionId: UUID?, volunteerId: UUID?, confirmedAt: Date) {
        self.registrationId = registrationId
        self.programId = programId
        self.sessionId = sessionId?.lowercasedText
        self.volunteerId = volunteerId?.lowercasedText
        self.confirmedAt = confirmedAt
    }
}
