import Foundation
import UUIDText

/// A seat came free and the first registration in line took it: `scheduling.registration-promoted.v1`, correlated by the program's id. A registration names a volunteer by id, or a participant
/// the registry does not know, whose name stays in the scheduling service.
public struct RegistrationPromoted: IntegrationEvent {
    public static let eventType = MessageType(service: "scheduling", name: "registration-promoted", version: 1)

    @LowercasedUUID public var registrationId: UUID
    @LowercasedUUID public var programId: UUID
    /// The session registered for (a lower-case UUID); absent for the whole program.
    public var sessionId: String?
    /// The volunteer registered (a lower-case UUID); absent for a named participant.
    public var volunteerId: String?
    public var promotedAt: Date

    public init(registrationId: UUID, programId: UUID, sessionId: UUID?, volunteerId: UUID?, promotedAt: Date) {
        self.registrationId = registrationId
        self.programId = programId
        self.sessionId = sessionId?.lowercasedText
        self.volunteerId = volunteerId?.lowercasedText
        self.promotedAt = promotedAt
    }
}
