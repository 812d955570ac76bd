import ServiceKit

/// Who may use which of the notifications service's routes. An Agency coordinator may use them
/// all; a volunteer, through the signed link of their e-mails, their own preferences page and
/// one-click unsubscribe; an automated integration (the relay's inbound-mail webhook, with an
/// `automation` token), the bounces it posts; nobody else anything of the domain.
enum NotificationsAccess {
    static let themself: [AccessPolicy.Grant] = [.volunteerThemself(parameter: "volunteerId")]

    static let policy = AccessPolicy([
        .init(.get, "/preferences/{volunteerId}", themself),
        .init(.post, "/preferences/{volunteerId}", themself),
        .init(.post, "/unsubscribe/{volunteerId}", themself),
        .init(.post, "/bounces", [.role(.automation)]),
    ])
}
