import Foundation

/// The authenticated caller of the request being handled: who, in which role, with which scope.
public struct Caller: Sendable, Equatable {
    /// The token's subject, for the audit trail.
    public var subject: String
    public var role: Role
    /// For a partnership coordinator, the partnerships they coordinate.
    public var partnerships: Set<UUID>
    /// For a volunteer, their own id.
    public var volunteer: UUID?

    public init(subject: String, role: Role, partnerships: Set<UUID> = [], volunteer: UUID? = nil) {
        self.subject = subject
        self.role = role
        self.partnerships = partnerships
        self.volunteer = volunteer
    }

    init(token: AccessToken) {
        self.init(
            subject: token.sub.value, role: token.role, partnerships: Set(token.partnerships ?? []), volunteer: token.volunteer)
    }

    /// The caller of the request this task handles; nil outside a request (a message handler,
    /// a timer) and on the open health routes.
    @TaskLocal public static var current: Caller?

    /// Whether the caller may see people's contact details (email, phone): coordinators may,
    /// a volunteer only their own, operators and workflows never.
    public func maySeeContactDetails(ofVolunteer id: UUID?) -> Bool {
        switch role {
        case .agencyCoordinator, .partnershipCoordinator: true
        case .volunteer: id != nil && id == volunteer
        case .operator, .automation: false
        }
    }
}
