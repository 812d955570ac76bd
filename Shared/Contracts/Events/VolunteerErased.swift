import Foundation

/// A volunteer asked to be erased: `registry.volunteer-erased.v1`. The registry has removed
/// their personal data (name, contact channels, languages, time zone) and keeps them only as
/// an anonymous member of history; every service that holds anything of them removes it.
public struct VolunteerErased: IntegrationEvent {
    public static let eventType = MessageType(service: "registry", name: "volunteer-erased", version: 1)

    @LowercasedUUID public var volunteerId: UUID
    public var erasedAt: Date

    public init(volunteerId: UUID, erasedAt: Date) {
        self.volunteerId = volunteerId
        self.erasedAt = erasedAt
    }
}
